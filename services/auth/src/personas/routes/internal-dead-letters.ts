import { deadLetterSchema } from '@mana/contracts';
import type { Database } from '@mana/db';
import { validBody, validQuery } from '@mana/http';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../middleware/principal';
import { insertDeadLetter, listDeadLetters } from '../db/dead-letters';

const listQuery = z.object({
  personaId: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * Dead letters, behind `X-Service-Key`: `POST /personas/:id/dead-letters` keeps a write
 * the runner had refused for good (201 when new, 200 when already kept);
 * `GET /dead-letters?personaId=&limit=` lists them, newest first. The persona need not
 * exist: a write refused because its persona is gone is kept too.
 */
export function internalDeadLetterRoutes(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  return new Hono<AppEnv>()
    .post('/personas/:id/dead-letters', async (c) => {
      const letter = await validBody(c, deadLetterSchema);
      const personaId = z.string().min(1).max(200).parse(c.req.param('id'));
      const { id, created } = await insertDeadLetter(db, personaId, letter, clock());
      return c.json({ id, created }, created ? 201 : 200);
    })
    .get('/dead-letters', async (c) => {
      const { personaId, limit } = validQuery(c, listQuery);
      return c.json({ deadLetters: await listDeadLetters(db, { personaId, limit }) });
    });
}
