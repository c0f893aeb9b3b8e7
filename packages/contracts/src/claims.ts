import { z } from 'zod';
import { budgetStateSchema, claimBudgetSchema } from './budget';
import { duePersonaSchema } from './due';

/** A runner id: part of tick ids and logs (`RUNNER_ID`). */
export const runnerIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'letters, digits and _.- only');

/** Shortest and longest lease a runner may ask for, in seconds. */
export const MIN_LEASE_SECONDS = 5;
export const MAX_LEASE_SECONDS = 3600;
/** Most personas one claim may take. */
export const MAX_CLAIM_LIMIT = 100;

/**
 * `POST /api/v1/internal/personas/claim`: take up to `limit` due personas for this runner,
 * each with a lease of `leaseSeconds` on the identity service's clock. A claimed persona
 * is not due for anyone else until its lease is released or expires.
 */
export const claimRequestSchema = z
  .object({
    runnerId: runnerIdSchema,
    limit: z.number().int().min(1).max(MAX_CLAIM_LIMIT),
    leaseSeconds: z.number().int().min(MIN_LEASE_SECONDS).max(MAX_LEASE_SECONDS),
    /** The runner's daily limits (`budget.ts`); without it nothing is held back. */
    budget: claimBudgetSchema.optional(),
  })
  .strict();

export type ClaimRequest = z.output<typeof claimRequestSchema>;

/** The personas claimed, in the order to run them, and when their leases end. */
export const claimAnswerSchema = z.object({
  personas: z.array(duePersonaSchema),
  leaseUntil: z.string(),
  serverTime: z.string(),
  /** Present when the claim carried a budget. */
  budget: budgetStateSchema.optional(),
});

export type ClaimAnswer = z.output<typeof claimAnswerSchema>;

/**
 * `POST …/claims/renew` and `POST …/claims/release`: the runner's own claims on these
 * personas (a claim of another runner is never touched).
 */
export const claimsRequestSchema = z
  .object({
    runnerId: runnerIdSchema,
    personaIds: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(MAX_CLAIM_LIMIT * 10),
    /** Renew only: the new lease, from now. */
    leaseSeconds: z.number().int().min(MIN_LEASE_SECONDS).max(MAX_LEASE_SECONDS).optional(),
  })
  .strict();

export type ClaimsRequest = z.output<typeof claimsRequestSchema>;

/** Which of the asked personas this runner (still) held: the others it has lost. */
export const claimsAnswerSchema = z.object({ personaIds: z.array(z.string()) });

export type ClaimsAnswer = z.output<typeof claimsAnswerSchema>;
