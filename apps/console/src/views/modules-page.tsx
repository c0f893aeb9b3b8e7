import type { Incident, ModuleTrend } from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { lineChart } from '../charts/line-chart';
import { PageHeading, WindowPicker } from './components';
import { fmtSpan, moduleHref } from './format';
import { AsOf, Layout } from './layout';
import { ModuleTable } from './module-table';

/**
 * The chart series of module trends: one line per module, linking to its page; the
 * modules in `alerting` highlighted.
 */
export function trendSeries(
  modules: readonly ModuleTrend[],
  since?: string,
  alerting: ReadonlySet<string> = new Set(),
) {
  return modules.map((m) => ({
    name: m.module,
    href: moduleHref(m.module, since),
    highlight: alerting.has(m.module),
    points: m.daily.map((d) => ({ x: d.day, y: d.mean, count: d.count })),
  }));
}

/** A chart marker at the onset day of each incident (`onset: <module>`). */
export function onsetMarkers(incidents: readonly Incident[], withModule: boolean) {
  return incidents.flatMap((i) =>
    i.onset
      ? [{ x: i.onset.slice(0, 10), label: withModule ? `onset: ${i.module}` : 'onset' }]
      : [],
  );
}

/** Every module's daily mean rating on one chart, and the module table. */
export function ModulesPage(props: {
  admin: Admin | undefined;
  modules: readonly ModuleTrend[];
  incidents: readonly Incident[];
  /** Days with fewer ratings are drawn as small samples. */
  minCount: number;
  days: readonly string[];
  since: string;
  sinceDays: number;
  asOf: Date;
  now: Date;
}) {
  const span = fmtSpan(props.sinceDays);
  return (
    <Layout title="Modules" nav="modules" admin={props.admin}>
      <PageHeading title="Modules">
        <AsOf asOf={props.asOf} now={props.now} /> · daily mean rating over the last {span} and the{' '}
        {span} before
        <WindowPicker path="/modules" days={props.sinceDays} />
      </PageHeading>
      <section class="card">
        {lineChart({
          id: 'modules-trend',
          title: `Daily mean rating per module, last ${fmtSpan(props.sinceDays * 2)}`,
          categories: props.days,
          series: trendSeries(
            props.modules,
            props.since,
            new Set(props.incidents.map((i) => i.module)),
          ),
          markers: onsetMarkers(props.incidents, true),
          minCount: props.minCount,
          yLabel: 'mean rating (1–5)',
          emptyText: 'No ratings in this window',
          testId: 'chart-modules',
        })}
      </section>
      <h2>Recent against baseline</h2>
      <ModuleTable modules={props.modules} days={props.days} since={props.since} />
    </Layout>
  );
}
