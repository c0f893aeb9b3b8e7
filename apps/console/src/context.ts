import type { ClaimBudget } from '@mana/contracts';
import type { Database } from '@mana/db';
import type { Admin } from './auth/admin-verifier';

/** Hono variables of a console request: the request id, and the admin once signed in. */
export type ConsoleEnv = { Variables: { requestId: string; admin: Admin | undefined } };

/** What the page routes read from: the database and the clock. */
export interface PageDeps {
  db: Database;
  now: () => Date;
  /** The runners' daily limits (`PERSONA_DAILY_TOKEN_BUDGET`, `DAILY_COST_CAP_USD`). */
  budget: ClaimBudget;
}
