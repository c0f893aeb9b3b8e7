import type { TickEntry } from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { Empty, PageHeading, StatusBadge, Time } from './components';
import { fmtMs, personaHref, plural, tickHref } from './format';
import { Layout } from './layout';
import { TickFilterForm, type TickQuery, tickSearch } from './tick-filter-form';

/** The tick history, newest first, filtered by the query (see {@link TickFilterForm}). */
export function TicksPage(props: {
  admin: Admin | undefined;
  ticks: readonly TickEntry[];
  query: TickQuery & { limit: number };
  failedOnly: boolean;
}) {
  const limit = props.query.limit;
  return (
    <Layout title="Ticks" nav="ticks" admin={props.admin}>
      <PageHeading title={props.failedOnly ? 'Failed ticks' : 'Ticks'}>
        {`The latest ${plural(props.ticks.length, 'tick')}, newest first`}
        <span class="picker">
          <a href="/ticks" class={props.failedOnly ? undefined : 'active'} data-testid="ticks-all">
            All
          </a>
          <a
            href="/ticks?failed=1"
            class={props.failedOnly ? 'active' : undefined}
            data-testid="ticks-failed"
          >
            Failed only
          </a>
        </span>
      </PageHeading>
      <TickFilterForm query={props.query} />
      {props.ticks.length === 0 ? (
        <Empty>
          {tickSearch({ ...props.query, limit: 100 }) ? 'No tick matches.' : 'No tick has run yet.'}
        </Empty>
      ) : (
        <table data-testid="tick-table">
          <thead>
            <tr>
              <th>Started</th>
              <th>Persona</th>
              <th>Status</th>
              <th>Brain</th>
              <th class="num">Duration</th>
              <th class="num">Actions</th>
              <th class="num">Errors</th>
              <th>Error</th>
            </tr>
          </thead>
          <tbody>
            {props.ticks.map((t) => (
              <tr data-testid="tick-item" data-tick-id={t.id} data-status={t.status}>
                <td>
                  <a href={tickHref(t.id)}>
                    <Time iso={t.startedAt} />
                  </a>
                </td>
                <td>
                  <a href={personaHref(t.personaId)}>{t.persona}</a>
                </td>
                <td>
                  <StatusBadge status={t.status} />
                </td>
                <td class="muted">{[t.brain, t.model].filter(Boolean).join(' · ') || '—'}</td>
                <td class="num">{fmtMs(t.durationMs)}</td>
                <td class="num">{String(t.actionsCount)}</td>
                <td class={`num ${t.errors > 0 ? 'down' : ''}`}>{String(t.errors)}</td>
                <td class="errtext">{t.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.ticks.length >= limit ? (
        <p class="muted">
          Showing the latest {limit}.{' '}
          <a href={`/ticks${tickSearch({ ...props.query, limit: Math.min(limit * 2, 1000) })}`}>
            Show more
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
