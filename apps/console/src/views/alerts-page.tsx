import type { ReportAlert } from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { AlertList } from './alert-list';
import { PageHeading, WindowPicker } from './components';
import { fmtSpan, plural } from './format';
import { IncidentList, type IncidentView } from './incident-list';
import { AsOf, Layout } from './layout';

/** `/alerts`: every incident of the window with its parts, status form and history. */
export function AlertsPage(props: {
  admin: Admin | undefined;
  incidents: readonly IncidentView[];
  alerts: readonly ReportAlert[];
  tested: { modules: number; tools: number };
  since: string;
  sinceDays: number;
  asOf: Date;
  now: Date;
}) {
  const open = props.incidents.filter((i) => i.state.status === 'open').length;
  return (
    <Layout title="Alerts" nav="alerts" admin={props.admin}>
      <PageHeading title="Alerts">
        <AsOf asOf={props.asOf} now={props.now} /> · last {fmtSpan(props.sinceDays)} against the{' '}
        {fmtSpan(props.sinceDays)} before · {plural(props.incidents.length, 'incident')} ({open}{' '}
        open) from {plural(props.alerts.length, 'alert')}
        <WindowPicker path="/alerts" days={props.sinceDays} />
      </PageHeading>
      <IncidentList incidents={props.incidents} since={props.since} tested={props.tested} manage />
      <h2>Every alert, most significant first</h2>
      <AlertList alerts={props.alerts} since={props.since} tested={props.tested} />
    </Layout>
  );
}
