import { claimRequestSchema, claimsRequestSchema } from '@mana/contracts';
import type { Database } from '@mana/db';
import { validBody } from '@mana/http';
import { Hono } from 'hono';
import type { AppEnv } from '../../middleware/principal';
import { claimDuePersonas, releaseClaims, renewClaims } from '../db/claims';

/** The lease a renewal gives when it names none. */
const DEFAULT_RENEW_SECONDS = 120;

/**
 * The runner's claims, behind `X-Service-Key` (under `/api/v1/internal/personas`):
 * `POST /claim` takes due personas with a lease (within the runner's daily budget, when
 * it sends one), `POST /claims/renew` extends the
 * runner's leases while their days run, `POST /claims/release` gives them back. Leases
 * run on this service's clock, so runners need no synchronised clocks.
 */
export function internalClaimRoutes(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  return new Hono<AppEnv>()
    .post('/claim', async (c) => {
      const body = await validBody(c, claimRequestSchema);
      const now = clock();
      const claim = await claimDuePersonas(
        db,
        body.runnerId,
        now,
        body.limit,
        body.leaseSeconds,
        body.budget,
      );
      return c.json({
        personas: claim.personas,
        leaseUntil: claim.leaseUntil.toISOString(),
        serverTime: now.toISOString(),
        ...(claim.budget ? { budget: claim.budget } : {}),
      });
    })
    .post('/claims/renew', async (c) => {
      const body = await validBody(c, claimsRequestSchema);
      const held = await renewClaims(
        db,
        body.runnerId,
        body.personaIds,
        clock(),
        body.leaseSeconds ?? DEFAULT_RENEW_SECONDS,
      );
      return c.json({ personaIds: held });
    })
    .post('/claims/release', async (c) => {
      const body = await validBody(c, claimsRequestSchema);
      return c.json({ personaIds: await releaseClaims(db, body.runnerId, body.personaIds) });
    });
}
