import { tickDetail, tickTranscript } from '@mana/analytics';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv, PageDeps } from '../context';
import { PageHeading } from '../views/components';
import { personaHref } from '../views/format';
import { Layout } from '../views/layout';
import { TickCard } from '../views/tick-card';
import { TranscriptView } from '../views/transcript-view';

/**
 * `GET /ticks/:id`: one tick with its calls in order and its ratings, and beside them
 * the day's transcript as a conversation.
 */
export function tickRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/:id', async (c) => {
    const id = c.req.param('id');
    const [tick, transcript] = await Promise.all([
      tickDetail(deps.db, id),
      tickTranscript(deps.db, id),
    ]);
    if (!tick) throw new HTTPException(404, { message: 'No tick has this id.' });
    return c.html(
      <Layout title={`Tick ${tick.id}`} nav="ticks" admin={c.get('admin')}>
        <PageHeading title="Tick">
          <code>{tick.id}</code> of <a href={personaHref(tick.personaId)}>{tick.persona}</a>
        </PageHeading>
        <div class="tick-page">
          <ol class="timeline">
            <TickCard tick={tick} showPersona />
          </ol>
          <TranscriptView transcript={transcript} />
        </div>
      </Layout>,
    );
  });
}
