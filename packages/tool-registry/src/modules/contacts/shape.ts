import { z } from 'zod';
import { iso, isoOut, textField, titleField } from '../../fields';
import type { contactInteractions, contacts } from './table';

export const CHANNELS = ['call', 'email', 'meeting', 'message', 'other'] as const;

/** A contact as tools return it. */
export const contactOut = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  role: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  lastContactedAt: isoOut.nullable(),
  createdAt: isoOut,
  updatedAt: isoOut,
});

/** One logged interaction with a contact. */
export const interactionOut = z.object({
  id: z.string(),
  contactId: z.string(),
  channel: z.enum(CHANNELS),
  summary: z.string(),
  happenedAt: isoOut,
  createdAt: isoOut,
});

/** The editable fields of a contact, shared by create and update. */
export const contactFields = {
  name: () => titleField('Full name, e.g. "Anna Weber"'),
  email: () => z.email().max(320).describe('Email address'),
  phone: () => z.string().trim().min(1).max(50).describe('Phone number, e.g. +49 30 1234567'),
  company: () => z.string().trim().min(1).max(200).describe('Company or organisation'),
  role: () => z.string().trim().min(1).max(200).describe('Job title or relation, e.g. "CFO"'),
  notes: () => textField('Anything worth remembering about them', 5000),
};

/** Maps a row to {@link contactOut}. */
export function toContact(row: typeof contacts.$inferSelect): z.input<typeof contactOut> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    role: row.role,
    notes: row.notes,
    tags: row.tags,
    lastContactedAt: iso(row.lastContactedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Maps a row to {@link interactionOut}. */
export function toInteraction(
  row: typeof contactInteractions.$inferSelect,
): z.input<typeof interactionOut> {
  return {
    id: row.id,
    contactId: row.contactId,
    channel: row.channel,
    summary: row.summary,
    happenedAt: iso(row.happenedAt),
    createdAt: iso(row.createdAt),
  };
}
