import {
  dataAsOf,
  listPersonaSummaries,
  personaDeadLetterSummary,
  personaModuleRatings,
  personaProfile,
  personaTimeline,
} from '@mana/analytics';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv, PageDeps } from '../context';
import { PersonaPage } from '../views/persona-page';

/** How many ticks the timeline shows. */
export const TIMELINE_TICKS = 30;

/** `GET /personas/:id`: a persona's header, module ratings and tick timeline. */
export function personaRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/:id', async (c) => {
    const id = c.req.param('id');
    const asOf = await dataAsOf(deps.db, deps.now());
    const [persona] = await listPersonaSummaries(deps.db, asOf, {
      userId: id,
      includeDeleted: true,
    });
    if (!persona) throw new HTTPException(404, { message: 'No persona has this id.' });
    const [profile, modules, timeline, deadLetters] = await Promise.all([
      personaProfile(deps.db, id),
      personaModuleRatings(deps.db, id),
      personaTimeline(deps.db, id, TIMELINE_TICKS),
      personaDeadLetterSummary(deps.db, id),
    ]);
    return c.html(
      <PersonaPage
        admin={c.get('admin')}
        persona={persona}
        profile={profile}
        modules={modules}
        timeline={timeline}
        deadLetters={deadLetters}
      />,
    );
  });
}
