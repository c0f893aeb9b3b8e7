import { listPersonaSummaries, personaDetail } from '@mana/analytics';
import { personaUpsertSchema } from '@mana/contracts';
import type { Database } from '@mana/db';
import { validBody, validQuery } from '@mana/http';
import { Hono } from 'hono';
import { z } from 'zod';
import { fail } from '../../errors';
import type { Auth } from '../../identity/auth';
import { listUserSpaces } from '../../identity/db/spaces';
import type { AppEnv } from '../../middleware/principal';
import { NotAPersonaError, upsertPersonaAccount } from '../db/persona-account';
import { softDeletePersona } from '../db/persona-admin';

const listQuery = z.object({
  includeDeleted: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/**
 * Persona administration: upsert by email (account, credential, personal space and
 * profile in one transaction), list with activity and true rating means, detail, soft delete.
 */
export function adminPersonaRoutes(deps: { db: Database; auth: Auth; clock: () => Date }) {
  const { db, auth, clock } = deps;
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { password, email, name, ...profile } = await validBody(c, personaUpsertSchema);
      try {
        const result = await upsertPersonaAccount(db, auth, { email, name, password, profile });
        const { userId, created, changed } = result;
        return c.json({ persona: { userId, email }, created, changed }, created ? 201 : 200);
      } catch (error) {
        if (error instanceof NotAPersonaError) throw fail('CONFLICT', error.message);
        throw error;
      }
    })
    .get('/', async (c) => {
      const { includeDeleted } = validQuery(c, listQuery);
      const personas = await listPersonaSummaries(db, clock(), { includeDeleted });
      return c.json({ personas });
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const detail = await personaDetail(db, id, clock());
      if (!detail) throw fail('PERSONA_NOT_FOUND');
      const { moduleRatings, ...rest } = detail;
      return c.json({
        ...rest,
        spaces: await listUserSpaces(db, id),
        moduleRatings: moduleRatings.map((m) => ({
          module: m.module,
          avgRating: m.mean,
          ratingsCount: m.count,
        })),
      });
    })
    .delete('/:id', async (c) => {
      const deleted = await softDeletePersona(db, c.req.param('id'), clock());
      if (!deleted) throw fail('PERSONA_NOT_FOUND');
      return c.json({ deleted: true });
    });
}
