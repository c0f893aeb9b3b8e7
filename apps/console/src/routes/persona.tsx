import {
  dataAsOf,
  listPersonaSummaries,
  personaDeadLetterSummary,
  personaModuleRatings,
  personaProfile,
  personaRecentTranscripts,
  personaTimeline,
  personaTrend,
  windowBounds,
} from '@mana/analytics';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { dayRange } from '../charts/scale';
import type { ConsoleEnv, PageDeps } from '../context';
import { PersonaPage } from '../views/persona-page';
import { parseSince } from '../window';

/** How many ticks the timeline shows. */
export const TIMELINE_TICKS = 10;
/** How many of the latest ticks show the opening of their transcript. */
export const RECENT_TRANSCRIPTS = 8;

/**
 * `GET /personas/:id?since=7d`: a persona's header, module ratings, its trend over the
 * window and the one before (ratings per module, failed calls and checks per day), the
 * openings of its latest transcripts and its tick timeline.
 */
export function personaRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/:id', async (c) => {
    const id = c.req.param('id');
    const { since, days } = parseSince(c.req.query('since'));
    const asOf = await dataAsOf(deps.db, deps.now());
    const [persona] = await listPersonaSummaries(deps.db, asOf, {
      userId: id,
      includeDeleted: true,
    });
    if (!persona) throw new HTTPException(404, { message: 'No persona has this id.' });
    const { start, end } = windowBounds({ asOf, recentDays: days, baselineDays: days });
    const [profile, modules, trend, transcripts, timeline, deadLetters] = await Promise.all([
      personaProfile(deps.db, id),
      personaModuleRatings(deps.db, id),
      personaTrend(deps.db, id, { start, end }),
      personaRecentTranscripts(deps.db, id, RECENT_TRANSCRIPTS),
      personaTimeline(deps.db, id, TIMELINE_TICKS),
      personaDeadLetterSummary(deps.db, id),
    ]);
    return c.html(
      <PersonaPage
        admin={c.get('admin')}
        persona={persona}
        profile={profile}
        modules={modules}
        trend={trend}
        days={dayRange(start, end)}
        since={since}
        sinceDays={days}
        transcripts={transcripts}
        timeline={timeline}
        deadLetters={deadLetters}
      />,
    );
  });
}
