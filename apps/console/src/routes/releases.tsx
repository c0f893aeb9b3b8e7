import { compareSides, listReleases, type PeriodComparison, recordRelease } from '@mana/analytics';
import { releaseMarkerRequestSchema } from '@mana/contracts';
import { validate } from '@mana/http';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv, PageDeps } from '../context';
import { ReleasesPage } from '../views/releases-page';
import { utcInstant } from './evidence-query';

/**
 * `GET /releases?before=v1.3&after=v1.4`: the markers and, with both sides, the two
 * periods compared; `POST /releases` (form: `name`, `at`, `note`): records a marker as the
 * signed-in admin.
 */
export function releaseRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>()
    .get('/', async (c) => {
      const before = (c.req.query('before') ?? '').trim();
      const after = (c.req.query('after') ?? '').trim();
      const releases = await listReleases(deps.db);
      let comparison: PeriodComparison | null = null;
      let error: string | null = null;
      if (before && after) {
        const result = await compareSides(deps.db, before, after, deps.now());
        if ('error' in result) error = `${result.field}: ${result.error}`;
        else comparison = result;
      }
      return c.html(
        <ReleasesPage
          admin={c.get('admin')}
          releases={releases}
          before={before || (releases.at(-2)?.name ?? '')}
          after={after || (releases.at(-1)?.name ?? '')}
          comparison={comparison}
          error={error}
        />,
        error ? 400 : 200,
      );
    })
    .post('/', async (c) => {
      const form = await c.req.parseBody();
      const text = (k: string) =>
        typeof form[k] === 'string' && form[k] !== '' ? form[k] : undefined;
      const at = text('at');
      const body = validate(
        releaseMarkerRequestSchema,
        {
          name: text('name'),
          ...(at ? { at: utcInstant(at)?.toISOString() ?? at } : {}),
          ...(text('note') ? { note: text('note') } : {}),
        },
        'form',
      );
      const marker = await recordRelease(deps.db, {
        name: body.name,
        at: body.at ? new Date(body.at) : deps.now(),
        note: body.note,
        createdBy: c.get('admin')?.email ?? 'unknown',
      });
      if (!marker) {
        throw new HTTPException(409, {
          message: `name: a release "${body.name}" is already recorded; nothing was changed.`,
        });
      }
      return c.redirect('/releases', 303);
    });
}
