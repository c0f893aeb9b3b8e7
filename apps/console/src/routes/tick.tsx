import { tickDetail } from '@mana/analytics';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv, PageDeps } from '../context';
import { PageHeading } from '../views/components';
import { personaHref } from '../views/format';
import { Layout } from '../views/layout';
import { TickCard } from '../views/tick-card';

/** `GET /ticks/:id`: one tick with its calls in order and its ratings. */
export function tickRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/:id', async (c) => {
    const tick = await tickDetail(deps.db, c.req.param('id'));
    if (!tick) throw new HTTPException(404, { message: 'No tick has this id.' });
    return c.html(
      <Layout title={`Tick ${tick.id}`} nav="ticks" admin={c.get('admin')}>
        <PageHeading title="Tick">
          <code>{tick.id}</code> of <a href={personaHref(tick.personaId)}>{tick.persona}</a>
        </PageHeading>
        <ol class="timeline">
          <TickCard tick={tick} showPersona />
        </ol>
      </Layout>,
    );
  });
}
