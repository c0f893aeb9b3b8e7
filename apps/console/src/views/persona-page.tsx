import type {
  DeadLetterSummary,
  ModuleRating,
  PersonaProfile,
  PersonaSummary,
  PersonaTrend,
  RecentTranscript,
  TimelineTick,
} from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { Empty, PageHeading, Rating, Time, WindowPicker } from './components';
import { fmtSpan, moduleHref } from './format';
import { Layout } from './layout';
import { PersonaTrendCharts } from './persona-trend';
import { RecentTranscripts } from './recent-transcripts';
import { TickCard } from './tick-card';

/**
 * A persona: who it is, how it rates each module, its trend (ratings per module, failed
 * calls and checks per day), the openings of its latest transcripts, and its latest
 * ticks as a timeline.
 */
export function PersonaPage(props: {
  admin: Admin | undefined;
  persona: PersonaSummary;
  profile: PersonaProfile | null;
  modules: readonly ModuleRating[];
  trend: PersonaTrend;
  /** The trend's days (the window and the one before it). */
  days: readonly string[];
  since: string;
  sinceDays: number;
  transcripts: readonly RecentTranscript[];
  timeline: readonly TimelineTick[];
  /** Writes of this persona refused for good (issue 10 item 3). */
  deadLetters: DeadLetterSummary;
}) {
  const p = props.persona;
  const mix = Object.entries(props.profile?.moduleMix ?? {}).sort(([, a], [, b]) => b - a);
  const chaos = props.profile?.traits.chaos;
  return (
    <Layout title={p.name} nav="personas" admin={props.admin}>
      <PageHeading title={p.name}>
        {p.email}
        {p.deletedAt ? ' · deleted' : ''}
      </PageHeading>
      <div class="grid2">
        <section class="card" data-testid="persona-header">
          <dl class="facts">
            <dt>Archetype</dt>
            <dd data-testid="persona-archetype">{p.archetype}</dd>
            <dt>Cadence</dt>
            <dd>{p.tickCadence}</dd>
            <dt>Locale</dt>
            <dd>{p.locale}</dd>
            <dt>Time zone</dt>
            <dd>{p.timezone}</dd>
            <dt>Mean rating</dt>
            <dd>
              <Rating value={p.avgRating} /> <span class="muted">({p.ratingsCount} ratings)</span>
            </dd>
            <dt>Last active</dt>
            <dd>
              <Time iso={p.lastActiveAt} />
            </dd>
            <dt>Module mix</dt>
            <dd>{mix.length > 0 ? mix.map(([m, w]) => `${m} ${w}`).join(', ') : '—'}</dd>
            <dt>Dead letters</dt>
            <dd data-testid="persona-dead-letters">
              {props.deadLetters.count}
              {props.deadLetters.latest ? (
                <span class="muted">
                  {' '}
                  (latest: {props.deadLetters.latest.kind}, {props.deadLetters.latest.status}:{' '}
                  {props.deadLetters.latest.reason.slice(0, 200)})
                </span>
              ) : null}
            </dd>
            {typeof chaos === 'number' ? (
              <>
                <dt>Chaos</dt>
                <dd>{String(chaos)}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section>
          {props.modules.length === 0 ? (
            <Empty>This persona has not rated any module yet.</Empty>
          ) : (
            <table data-testid="persona-module-ratings">
              <thead>
                <tr>
                  <th>Module</th>
                  <th class="num">Mean rating</th>
                  <th class="num">Ratings</th>
                </tr>
              </thead>
              <tbody>
                {props.modules.map((m) => (
                  <tr data-testid="persona-module-row" data-module={m.module}>
                    <td>
                      <a href={moduleHref(m.module)}>{m.module}</a>
                    </td>
                    <td class="num">
                      <Rating value={m.mean} />
                    </td>
                    <td class="num">{String(m.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <h2>
        Trend: last {fmtSpan(props.sinceDays)} and the {fmtSpan(props.sinceDays)} before
        <WindowPicker path={`/personas/${encodeURIComponent(p.userId)}`} days={props.sinceDays} />
      </h2>
      <PersonaTrendCharts trend={props.trend} days={props.days} since={props.since} />
      <h2>Recent transcripts</h2>
      <RecentTranscripts ticks={props.transcripts} />
      <h2>Ticks, newest first</h2>
      <p class="muted">
        The latest {props.timeline.length} with their calls and ratings;{' '}
        <a href={`/ticks?persona=${encodeURIComponent(p.userId)}`} data-testid="all-ticks">
          all ticks of {p.name}
        </a>
        .
      </p>
      {props.timeline.length === 0 ? (
        <Empty>This persona has not run a tick yet.</Empty>
      ) : (
        <ol class="timeline" data-testid="timeline">
          {props.timeline.map((t) => (
            <TickCard tick={t} />
          ))}
        </ol>
      )}
    </Layout>
  );
}
