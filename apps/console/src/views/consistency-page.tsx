import {
  CONSISTENCY_FLAGS,
  type ConsistencyOverall,
  type ConsistencyRun,
  type ConsistencyRunSummary,
  consistencyFlags,
} from '@mana/contracts';
import type { Admin } from '../auth/admin-verifier';
import { Empty, Kpi, PageHeading, Rating, Time } from './components';
import { fmtPct, fmtRating, fmtTime, moduleHref, plural } from './format';
import { Layout } from './layout';

const FLAG_LABEL = { 'low-pass-k': 'low pass^k', 'wide-spread': 'wide spread' } as const;

/**
 * `/consistency` and `/consistency/:id`: one stored `simulate --repeat k` (the latest by
 * default) with its figures per persona and module, low pass^k and wide spreads flagged,
 * then every stored run to pick another.
 */
export function ConsistencyPage(props: {
  admin: Admin | undefined;
  run: ConsistencyRun | null;
  runs: readonly ConsistencyRunSummary[];
}) {
  const run = props.run;
  return (
    <Layout title="Consistency" nav="consistency" admin={props.admin}>
      <PageHeading title="Consistency">
        The same persona-days lived k times (<code>npm run simulate -- --days 2 --repeat 3</code>
        ): how far a day's ratings spread across the tries, and pass^k, the share of checked days
        whose checks passed in all k tries.
      </PageHeading>
      {run ? (
        <RunView run={run} latest={run.id === props.runs[0]?.id} />
      ) : (
        <Empty>
          No consistency run stored yet: <code>npm run simulate -- --days 1 --repeat 3</code> stores
          one.
        </Empty>
      )}
      {props.runs.length > 0 ? <RunList runs={props.runs} current={run?.id} /> : null}
    </Layout>
  );
}

function RunView(props: { run: ConsistencyRun; latest: boolean }) {
  const r = props.run;
  const flagged = r.rows.filter((row) => consistencyFlags(row).length > 0).length;
  return (
    <section data-testid="consistency-run" data-run-id={r.id}>
      <h2>
        {props.latest ? 'Latest run' : 'Run'} #{r.id}: {r.k} tries, <Time iso={r.finishedAt} />
      </h2>
      <div class="kpis">
        <Kpi
          label={`pass^${r.k}`}
          value={fmtPct(r.overall.passK)}
          hint={`of ${plural(r.overall.checkedDays, 'checked day')}; pass@${r.k} ${fmtPct(r.overall.passAtK)}`}
          testId="kpi-pass-k"
        />
        <Kpi
          label="rating spread (sd)"
          value={fmtRating(r.overall.ratingSd)}
          hint={`widest day ${r.overall.ratingRange ?? '—'} stars apart, over ${plural(r.overall.ratedDays, 'rated day')}`}
          testId="kpi-rating-sd"
        />
        <Kpi
          label="flagged"
          value={String(flagged)}
          hint={`of ${r.rows.length} persona × module ${r.rows.length === 1 ? 'row' : 'rows'}`}
          testId="kpi-flagged"
        />
      </div>
      <dl class="facts card" data-testid="run-facts">
        <dt>Ran</dt>
        <dd>
          {fmtTime(r.startedAt)} → {fmtTime(r.finishedAt)}
        </dd>
        <dt>Lived</dt>
        <dd>
          {r.days} days ({fmtTime(r.simulatedFrom)} → {fmtTime(r.simulatedTo)}),{' '}
          {plural(r.personaCount, 'persona')}, {plural(r.personaDays, 'persona-day')} a try
        </dd>
        <dt>Brain</dt>
        <dd>
          {r.brain}, seed {r.seed}
        </dd>
        <dt>Faults</dt>
        <dd>{r.faults ?? 'none'}</dd>
      </dl>
      <h2>Per persona and module</h2>
      {r.rows.length === 0 ? (
        <Empty>No persona rated or checked anything in this run.</Empty>
      ) : (
        <div class="scroll-x">
          <table data-testid="consistency-table">
            <thead>
              <tr>
                <th>Persona</th>
                <th>Module</th>
                <th class="num" title="Days rated in every try">
                  Rated days
                </th>
                <th class="num">Mean</th>
                <th class="num" title="Mean spread of a day's ratings across tries">
                  sd
                </th>
                <th class="num" title="Widest spread of one day's ratings">
                  Range
                </th>
                <th class="num" title="Days with a check in any try">
                  Checked days
                </th>
                <th class="num">pass^{r.k}</th>
                <th class="num">pass@{r.k}</th>
                <th>Flags</th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((row) => (
                <FiguresRow persona={row.persona} module={row.module} figures={row} />
              ))}
              <FiguresRow persona="all" module="" figures={r.overall} />
            </tbody>
          </table>
        </div>
      )}
      <p class="muted">
        Flagged: pass^k below {CONSISTENCY_FLAGS.minPassK * 100} % (a checked day failed in some
        try), or a wide spread (sd above {CONSISTENCY_FLAGS.maxRatingSd}, or one day rated more than{' '}
        {CONSISTENCY_FLAGS.maxRatingRange} star apart).
      </p>
    </section>
  );
}

function FiguresRow(props: { persona: string; module: string; figures: ConsistencyOverall }) {
  const f = props.figures;
  const flags = consistencyFlags(f);
  return (
    <tr
      class={flags.length > 0 ? 'regressed' : undefined}
      data-testid="consistency-row"
      data-persona={props.persona}
      data-module={props.module}
      data-flags={flags.join(' ')}
    >
      <td>{props.persona === 'all' ? <strong>all</strong> : props.persona}</td>
      <td>{props.module ? <a href={moduleHref(props.module)}>{props.module}</a> : ''}</td>
      <td class="num">{f.ratedDays}</td>
      <td class="num">
        <Rating value={f.ratingMean} />
      </td>
      <td class="num">{fmtRating(f.ratingSd)}</td>
      <td class="num">{f.ratingRange ?? '—'}</td>
      <td class="num">{f.checkedDays}</td>
      <td class="num">{fmtPct(f.passK)}</td>
      <td class="num">{fmtPct(f.passAtK)}</td>
      <td>
        {flags.map((flag) => (
          <span class={`badge ${flag === 'low-pass-k' ? 'bad' : 'warn'}`}>{FLAG_LABEL[flag]}</span>
        ))}
      </td>
    </tr>
  );
}

function RunList(props: { runs: readonly ConsistencyRunSummary[]; current: number | undefined }) {
  return (
    <>
      <h2>Stored runs</h2>
      <div class="scroll-x">
        <table data-testid="consistency-runs">
          <thead>
            <tr>
              <th>Run</th>
              <th>Finished</th>
              <th class="num">k</th>
              <th class="num">Days</th>
              <th>Brain</th>
              <th class="num">Personas</th>
              <th class="num">pass^k</th>
              <th class="num">sd</th>
              <th>Faults</th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((r) => (
              <tr data-testid="consistency-run-row" data-run-id={r.id}>
                <td>
                  {r.id === props.current ? (
                    <strong>#{r.id}</strong>
                  ) : (
                    <a href={`/consistency/${r.id}`}>#{r.id}</a>
                  )}
                </td>
                <td>
                  <Time iso={r.finishedAt} />
                </td>
                <td class="num">{r.k}</td>
                <td class="num">{r.days}</td>
                <td>
                  {r.brain} (seed {r.seed})
                </td>
                <td class="num">{r.personaCount}</td>
                <td class="num">{fmtPct(r.overall.passK)}</td>
                <td class="num">{fmtRating(r.overall.ratingSd)}</td>
                <td>{r.faults ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
