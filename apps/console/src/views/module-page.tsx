import {
  type FailedCall,
  groupIncidents,
  type ModuleNote,
  type ModuleTrend,
  type RegressionAlert,
  type ToolStats,
} from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { lineChart } from '../charts/line-chart';
import { PageHeading, Rating, WindowPicker } from './components';
import { FailuresTable, NotesTable } from './evidence-tables';
import { alertHref, fmtChange, fmtSpan, plural } from './format';
import { AsOf, Layout } from './layout';
import { onsetMarkers } from './modules-page';
import { ToolSection } from './tool-section';

/** One module: its rating trend, its tools' error rates and latency, notes and failures. */
export function ModulePage(props: {
  admin: Admin | undefined;
  module: string;
  trend: ModuleTrend | undefined;
  tools: readonly ToolStats[];
  alerts: readonly RegressionAlert[];
  notes: readonly ModuleNote[];
  failures: readonly FailedCall[];
  /** Days with fewer ratings are drawn as small samples. */
  minCount: number;
  days: readonly string[];
  since: string;
  sinceDays: number;
  asOf: Date;
  now: Date;
}) {
  const span = fmtSpan(props.sinceDays);
  const t = props.trend;
  return (
    <Layout title={props.module} nav="modules" admin={props.admin}>
      <PageHeading title={`Module: ${props.module}`}>
        <AsOf asOf={props.asOf} now={props.now} /> · last {span} against the {span} before
        <WindowPicker
          path={`/modules/${encodeURIComponent(props.module)}`}
          days={props.sinceDays}
        />
      </PageHeading>
      {props.alerts.length > 0 ? (
        <ul class="alerts">
          {props.alerts.map((a) => (
            <li class="card alert" data-testid="alert-item" data-alert-id={a.id}>
              <a class="what" href={alertHref(a.id, props.since)}>
                {a.summary}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p data-testid="module-summary">
        Recent mean <Rating value={t?.recent.mean ?? null} /> (
        {plural(t?.recent.count ?? 0, 'rating')}) · baseline{' '}
        <Rating value={t?.baseline.mean ?? null} /> ({plural(t?.baseline.count ?? 0, 'rating')}) ·
        change {fmtChange(t?.change ?? null)}
      </p>
      <section class="card">
        {lineChart({
          id: 'module-trend',
          title: `${props.module}: daily mean rating, with the number of ratings per day`,
          categories: props.days,
          series: t
            ? [
                {
                  name: props.module,
                  points: t.daily.map((d) => ({ x: d.day, y: d.mean, count: d.count })),
                },
              ]
            : [],
          yLabel: 'mean rating (1–5)',
          showCounts: true,
          markers: onsetMarkers(groupIncidents(props.alerts), false),
          minCount: props.minCount,
          emptyText: 'No ratings of this module in this window',
          testId: 'chart-module-trend',
        })}
      </section>
      <h2>Tools</h2>
      <ToolSection tools={props.tools} />
      <h2>Latest notes</h2>
      <NotesTable rows={props.notes} testId="note-row" empty="No ratings of this module yet." />
      <h2>Latest failed calls</h2>
      <FailuresTable
        rows={props.failures}
        testId="failure-row"
        empty="No failed calls of this module."
      />
    </Layout>
  );
}
