import type { OperatorReport, SpendToday } from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { BudgetNotice } from './budget-notice';
import { Kpi, PageHeading, WindowPicker } from './components';
import { fmtPct, fmtRating, fmtSpan, plural } from './format';
import { IncidentList, type IncidentView } from './incident-list';
import { reportKpis } from './kpis';
import { AsOf, Layout } from './layout';
import { ModuleTable } from './module-table';
import { PersonaTable } from './persona-table';

/** The overview: incidents first, then key figures, modules and personas. */
export function OverviewPage(props: {
  admin: Admin | undefined;
  report: OperatorReport;
  incidents: readonly IncidentView[];
  days: readonly string[];
  since: string;
  sinceDays: number;
  now: Date;
  spend: SpendToday;
}) {
  const { report } = props;
  const k = reportKpis(report);
  const span = fmtSpan(props.sinceDays);
  return (
    <Layout title="Overview" nav="overview" admin={props.admin}>
      <PageHeading title="Overview">
        <AsOf asOf={new Date(report.asOf)} now={props.now} /> · recent window: last {span}, against
        the {span} before
        <WindowPicker path="/" days={props.sinceDays} />
      </PageHeading>
      <BudgetNotice spend={props.spend} />
      <h2>
        Incidents{' '}
        <span class="muted">
          ({plural(props.incidents.length, 'incident')} from {plural(report.alerts.length, 'alert')}
          ;{' '}
          <a href={props.since === '7d' ? '/alerts' : `/alerts?since=${props.since}`}>
            status and history
          </a>
          )
        </span>
      </h2>
      <IncidentList incidents={props.incidents} since={props.since} tested={report.tested} />
      <section class="kpis">
        <Kpi
          testId="kpi-personas"
          label="Personas"
          value={String(k.personas)}
          hint={`${k.activePersonas} active in the last 7 days`}
        />
        <Kpi
          testId="kpi-calls"
          label={`Tool calls (${span})`}
          value={String(k.recent.calls)}
          hint={`${k.baseline.calls} in the ${span} before`}
        />
        <Kpi
          testId="kpi-error-rate"
          label={`Error rate (${span})`}
          value={fmtPct(k.recent.errorRate)}
          hint={`${plural(k.recent.errors, 'error')} · before: ${fmtPct(k.baseline.errorRate)}`}
        />
        <Kpi
          testId="kpi-rating"
          label={`Mean rating (${span})`}
          value={fmtRating(k.recent.meanRating)}
          hint={`${plural(k.recent.ratings, 'rating')} · before: ${fmtRating(k.baseline.meanRating)}`}
        />
      </section>
      <h2>
        Modules{' '}
        <span class="muted">
          (<a href="/modules">chart</a>)
        </span>
      </h2>
      <ModuleTable modules={report.modules} days={props.days} since={props.since} />
      <h2>Personas</h2>
      <PersonaTable personas={report.personas} />
    </Layout>
  );
}
