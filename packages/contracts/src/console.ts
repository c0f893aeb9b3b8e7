import { z } from 'zod';

/** Where an incident stands: new, seen by someone, or over. */
export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Longest note an operator can leave with a status change or a release marker. */
export const MAX_CONSOLE_NOTE = 500;

/**
 * `POST /alerts/incidents/:id/status` (form) and `POST /api/incidents/:id/status` (JSON):
 * the new status and an optional note. Who and when come from the session and the clock.
 */
export const incidentStatusRequestSchema = z.object({
  status: z.enum(INCIDENT_STATUSES),
  note: z.string().trim().max(MAX_CONSOLE_NOTE).optional(),
});
export type IncidentStatusRequest = z.output<typeof incidentStatusRequestSchema>;

/** One change of an incident's status, as stored: the history lists these oldest first. */
export const incidentStatusEventSchema = z.object({
  incidentId: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  actor: z.string(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
});
export type IncidentStatusEvent = z.output<typeof incidentStatusEventSchema>;

/** A release name: `v1.4`, `2026-03-20`, `web@3.2.1` (no spaces, no `..`). */
export const releaseNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/, 'letters, digits and . _ @ + - only')
  .refine((s) => !s.includes('..'), 'must not contain ".."');

/**
 * `POST /api/releases` (service key or admin session) and the console's release form: a
 * release marker. `at` defaults to now; a name is recorded once.
 */
export const releaseMarkerRequestSchema = z.object({
  name: releaseNameSchema,
  at: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(MAX_CONSOLE_NOTE).optional(),
});
export type ReleaseMarkerRequest = z.output<typeof releaseMarkerRequestSchema>;

/** A release marker as stored and listed (`GET /api/releases`, oldest first). */
export const releaseMarkerSchema = z.object({
  name: z.string(),
  at: z.iso.datetime(),
  note: z.string().nullable(),
  createdBy: z.string(),
});
export type ReleaseMarker = z.output<typeof releaseMarkerSchema>;
