import { sharedSpaceSchema } from '@mana/contracts';
import type { Database } from '@mana/db';
import { validBody } from '@mana/http';
import { Hono } from 'hono';
import { fail } from '../../errors';
import type { AppEnv } from '../../middleware/principal';
import { PersonalSpaceError, putSharedSpace, UnknownMembersError } from '../db/spaces';

/**
 * `PUT /api/v1/admin/spaces {slug,name,type,members}`: the shared space with this slug
 * exists with exactly these members afterwards. Idempotent.
 */
export function adminSpaceRoutes(deps: { db: Database }) {
  return new Hono<AppEnv>().put('/', async (c) => {
    const input = await validBody(c, sharedSpaceSchema);
    try {
      const result = await putSharedSpace(deps.db, input);
      return c.json(result, result.created ? 201 : 200);
    } catch (error) {
      if (error instanceof UnknownMembersError) {
        throw fail('USER_NOT_FOUND', error.message);
      }
      if (error instanceof PersonalSpaceError) throw fail('CONFLICT', error.message);
      throw error;
    }
  });
}
