import type { ModuleTrend } from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { lineChart } from '../charts/line-chart';
import { PageHeading, WindowPicker } from './components';
import { fmtSpan, moduleHref } from './format';
import { AsOf, Layout } from './layout';
import { ModuleTable } from './module-table';

/** The chart series of module trends: one line per module, linking to its page. */
export function trendSeries(modules: readonly ModuleTrend[], since?: string) {
  return modules.map((m) => ({
    name: m.module,
    href: moduleHref(m.module, since),
    points: m.daily.map((d) => ({ x: d.day, y: d.mean, count: d.count })),
  }));
}

/** Every module's daily mean rating on one chart, and the module table. */
export function ModulesPage(props: {
  admin: Admin | undefined;
  modules: readonly ModuleTrend[];
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
          series: trendSeries(props.modules, props.since),
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
