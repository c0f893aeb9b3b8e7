import type { AlertEvidence, RegressionAlert, RegressionThresholds } from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { alertKindLabel } from './alert-list';
import { PageHeading, Rating, Time } from './components';
import { FailuresTable, NotesTable } from './evidence-tables';
import { fmtP, fmtPct, fmtSpan, moduleHref, plural } from './format';
import { AsOf, Layout } from './layout';

/** The window bounds an alert compares, as ISO strings. */
export interface AlertBounds {
  start: string;
  split: string;
  end: string;
}

/** What an alert claims (test, statistics, both windows, thresholds), then its evidence. */
export function AlertPage(props: {
  admin: Admin | undefined;
  alert: RegressionAlert;
  evidence: AlertEvidence;
  thresholds: RegressionThresholds;
  tested: { modules: number; tools: number };
  bounds: AlertBounds;
  since: string;
  sinceDays: number;
  asOf: Date;
  now: Date;
}) {
  const { alert: a, thresholds: th } = props;
  const family = props.tested.modules + props.tested.tools;
  return (
    <Layout title={alertKindLabel(a.kind)} nav="overview" admin={props.admin}>
      <PageHeading
        title={`${alertKindLabel(a.kind)}: ${a.kind === 'rating_drop' ? a.module : a.tool}`}
      >
        <AsOf asOf={props.asOf} now={props.now} /> · module{' '}
        <a href={moduleHref(a.module, props.since)}>{a.module}</a>
      </PageHeading>
      <section class="card alert" data-testid="alert-detail" data-alert-id={a.id}>
        <p class="what">{a.summary}</p>
        <dl class="facts">
          <dt>Test</dt>
          <dd data-testid="alert-test">
            {a.test === 'mann-whitney-u'
              ? 'Mann–Whitney U, one-sided (are recent ratings lower?), on the individual 1–5 ratings'
              : 'Two-proportion z-test, one-sided (is the recent error rate higher?)'}
          </dd>
          <dt>Statistic</dt>
          <dd data-testid="alert-stats">
            z = {a.z.toFixed(3)}, {fmtP(a.p)} (uncorrected; significant after Holm–Bonferroni over{' '}
            {plural(family, 'test')})
          </dd>
          <dt>Baseline</dt>
          <dd data-testid="alert-baseline">
            {a.kind === 'rating_drop' ? (
              <>
                mean <Rating value={a.baseline.mean} /> over {plural(a.baseline.count, 'rating')}
              </>
            ) : (
              `${fmtPct(a.baseline.rate)} (${a.baseline.errors} of ${plural(a.baseline.calls, 'call')})`
            )}{' '}
            · <Time iso={props.bounds.start} /> – <Time iso={props.bounds.split} />
          </dd>
          <dt>Recent</dt>
          <dd data-testid="alert-recent">
            {a.kind === 'rating_drop' ? (
              <>
                mean <Rating value={a.recent.mean} /> over {plural(a.recent.count, 'rating')}
              </>
            ) : (
              `${fmtPct(a.recent.rate)} (${a.recent.errors} of ${plural(a.recent.calls, 'call')})`
            )}{' '}
            · <Time iso={props.bounds.split} /> – <Time iso={props.bounds.end} /> (last{' '}
            {fmtSpan(props.sinceDays)})
          </dd>
          <dt>Thresholds</dt>
          <dd data-testid="alert-thresholds">
            α = {th.alpha} family-wise (Holm–Bonferroni);{' '}
            {a.kind === 'rating_drop'
              ? `at least ${th.minRatings} ratings per window and a drop of at least ${th.minRatingDrop} stars`
              : `at least ${th.minCalls} calls per window and a rise of at least ${Math.round(th.minErrorRateRise * 100)} percentage points`}
          </dd>
        </dl>
      </section>
      <h2>
        Ratings of {a.module} in the recent window, lowest first{' '}
        <span class="muted">({props.evidence.ratings.length})</span>
      </h2>
      <NotesTable
        rows={props.evidence.ratings}
        testId="evidence-rating"
        empty="No ratings of this module in the recent window."
      />
      <h2>
        Failed calls {a.kind === 'error_rate_jump' ? `of ${a.tool}` : `of ${a.module}`} in the
        recent window <span class="muted">({props.evidence.actions.length})</span>
      </h2>
      <FailuresTable
        rows={props.evidence.actions}
        testId="evidence-action"
        empty="No failed calls in the recent window."
      />
    </Layout>
  );
}
