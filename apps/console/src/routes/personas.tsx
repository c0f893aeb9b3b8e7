import { dataAsOf, listPersonaSummaries } from '@mana/analytics';
import { Hono } from 'hono';
import type { ConsoleEnv, PageDeps } from '../context';
import { PageHeading } from '../views/components';
import { AsOf, Layout } from '../views/layout';
import { PersonaTable } from '../views/persona-table';

/** `GET /personas`: every persona with its activity, each linking to its page. */
export function personaListRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/', async (c) => {
    const now = deps.now();
    const asOf = await dataAsOf(deps.db, now);
    const personas = await listPersonaSummaries(deps.db, asOf);
    return c.html(
      <Layout title="Personas" nav="personas" admin={c.get('admin')}>
        <PageHeading title="Personas">
          <AsOf asOf={asOf} now={now} /> · activity counts cover the 7 days up to then
        </PageHeading>
        <PersonaTable personas={personas} />
      </Layout>,
    );
  });
}
