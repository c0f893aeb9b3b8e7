import type {
  AlertEvidence,
  EvidenceGroups,
  FamilySummary,
  PersonaGroup,
  RegressionAlert,
  RegressionThresholds,
} from '@mana/analytics';
import type { Admin } from '../auth/admin-verifier';
import { alertKindLabel, alertTestLabel } from './alert-list';
import { PageHeading, Time } from './components';
import {
  EvidenceFilterForm,
  type EvidenceQuery,
  Pager,
  PersonaShareTable,
  SignatureTable,
} from './evidence-summary';
import { FailuresTable, NotesTable } from './evidence-tables';
import { alertHref, fmtP, fmtSpan, moduleHref, personaHref, plural } from './format';
import { AsOf, Layout } from './layout';

/** The window bounds an alert compares, as ISO strings. */
export interface AlertBounds {
  start: string;
  split: string;
  end: string;
}

const QUESTIONS: Record<RegressionAlert['kind'], string> = {
  failure_rate:
    'one-sided (do more calls that reached the app fail?); refused inputs counted apart',
  new_signature:
    'exact conditional test (could all occurrences of this error class fall in the recent window by chance?)',
  latency: 'one-sided (are recent answers slower?), on the latencies of answered calls',
  check_failures: 'one-sided (do more checked answers prove wrong?)',
  rating_drop: 'one-sided (are recent ratings lower?), on the individual 1–5 ratings',
};

function minimumEffect(a: RegressionAlert, th: RegressionThresholds): string {
  switch (a.kind) {
    case 'failure_rate':
      return `a rise of at least ${Math.round(th.minFailureRateRise * 100)} percentage points`;
    case 'check_failures':
      return `a rise of at least ${Math.round(th.minCheckFailureRise * 100)} percentage points`;
    case 'latency':
      return `p50 or p95 up by at least ${th.minLatencyIncreaseMs} ms and ×${th.minLatencyRatio}`;
    case 'rating_drop':
      return `a drop of at least ${th.minRatingDrop} stars`;
    case 'new_signature':
      return 'absent from the baseline';
  }
}

/** What a call row of the evidence says, for each kind of alert. */
function callText(a: RegressionAlert, c: AlertEvidence['actions'][number]): string | null {
  if (a.kind === 'check_failures')
    return `expected ${c.checkExpected ?? '?'}, saw ${c.checkSeen ?? '?'}`;
  return c.errorMessage;
}

/** How many personas the headline names; the "By persona" table lists them all. */
const HEADLINE_PERSONAS = 3;

/** The largest personas of the evidence, named in the headline: "(a@x 12, b@x 3, …)". */
function HeadlinePersonas(props: { groups: readonly PersonaGroup[]; ratings: boolean }) {
  if (props.groups.length === 0) return null;
  const shown = props.groups.slice(0, HEADLINE_PERSONAS);
  return (
    <span data-testid="alert-headline-personas">
      {' ('}
      {shown.map((g, n) => (
        <>
          {n > 0 ? ', ' : ''}
          <a href={personaHref(g.personaId)}>{g.persona}</a>{' '}
          {String(props.ratings ? g.ratings : g.calls)}
        </>
      ))}
      {props.groups.length > HEADLINE_PERSONAS ? ', …' : ''})
    </span>
  );
}

/**
 * An alert's evidence, counts first: which tool fails, how, since when and for whom (by
 * error class and by persona), a filter, then one page of rows (the alert's own rows
 * first: a tool's calls, or a module's ratings) and, folded, how the alert was decided.
 */
export function AlertPage(props: {
  admin: Admin | undefined;
  alert: RegressionAlert;
  evidence: AlertEvidence;
  groups: EvidenceGroups;
  query: EvidenceQuery;
  page: number;
  pageSize: number;
  thresholds: RegressionThresholds;
  family: FamilySummary;
  bounds: AlertBounds;
  since: string;
  sinceDays: number;
  asOf: Date;
  now: Date;
}) {
  const { alert: a, thresholds: th, family } = props;
  const where = a.tool ?? `${a.module} (all tools)`;
  const ratingsFirst = a.kind === 'rating_drop';
  const base = alertHref(a.id);
  const ratingTotal = ratingsFirst ? props.groups.ratings : props.evidence.ratingTotal;
  const actionTotal = ratingsFirst ? props.evidence.actionTotal : props.groups.calls;
  const pager = {
    base,
    query: props.query,
    since: props.since,
    page: props.page,
    size: props.pageSize,
  };
  const ratingRows = (
    <>
      <h2>
        Ratings of {a.module} in the recent window, lowest first{' '}
        <span class="muted">
          ({props.evidence.ratings.length} of {ratingTotal})
        </span>
      </h2>
      {ratingsFirst ? (
        <Pager
          {...pager}
          total={ratingTotal}
          shown={props.evidence.ratings.length}
          noun="Ratings"
        />
      ) : null}
      <NotesTable
        rows={props.evidence.ratings}
        testId="evidence-rating"
        empty="No ratings of this module match."
      />
    </>
  );
  const callRows = (
    <>
      <h2>
        {a.kind === 'latency'
          ? 'Slowest answered calls'
          : a.kind === 'check_failures'
            ? 'Failed checks'
            : a.kind === 'new_signature'
              ? 'Calls with this error'
              : 'Failed calls'}{' '}
        {a.kind === 'rating_drop' ? `of ${a.module}` : `of ${where}`}{' '}
        <span class="muted">
          ({props.evidence.actions.length} of {actionTotal})
        </span>
      </h2>
      {ratingsFirst ? null : (
        <Pager {...pager} total={actionTotal} shown={props.evidence.actions.length} noun="Calls" />
      )}
      <FailuresTable
        rows={props.evidence.actions.map((c) => ({ ...c, errorMessage: callText(a, c) }))}
        testId="evidence-action"
        empty="No such calls match."
      />
    </>
  );
  return (
    <Layout title={alertKindLabel(a.kind)} nav="overview" admin={props.admin}>
      <PageHeading
        title={`${alertKindLabel(a.kind)}: ${a.kind === 'rating_drop' ? a.module : where}`}
      >
        <AsOf asOf={props.asOf} now={props.now} /> · module{' '}
        <a href={moduleHref(a.module, props.since)}>{a.module}</a>
      </PageHeading>
      <section class="card alert" data-testid="alert-detail" data-alert-id={a.id}>
        <p class="what">{a.summary}</p>
        <p data-testid="alert-headline">
          {a.tool ? (
            <>
              Tool <code>{a.tool}</code> ·{' '}
            </>
          ) : null}
          since {a.onset ? <Time iso={a.onset.at} /> : 'an unknown time'} ·{' '}
          {plural(props.groups.calls, 'call')}
          {ratingsFirst ? `, ${plural(props.groups.ratings, 'rating')}` : ''} from{' '}
          {plural(props.groups.byPersona.length, 'persona')}
          <HeadlinePersonas groups={props.groups.byPersona} ratings={ratingsFirst} /> · before:{' '}
          {a.numbers.baseline}; recent: {a.numbers.recent}
        </p>
        <details>
          <summary>How this alert was decided</summary>
          <dl class="facts">
            <dt>Test</dt>
            <dd data-testid="alert-test">
              {alertTestLabel(a.test)}, {QUESTIONS[a.kind]}
            </dd>
            <dt>Statistic</dt>
            <dd data-testid="alert-stats">
              {a.statistic.name} = {String(a.statistic.value)}
              {a.z === null ? '' : `, z = ${a.z.toFixed(3)}`}, {fmtP(a.p)} (uncorrected; ≤ α/K ={' '}
              {a.level.toExponential(1)} in Tarone’s step-down over{' '}
              {plural(family.hypotheses, 'test')}, {family.eligible} of which could reach
              significance)
            </dd>
            <dt>Onset</dt>
            <dd data-testid="alert-onset">
              {a.onset ? (
                <>
                  <Time iso={a.onset.at} /> ({a.onset.method}
                  {a.onset.inRecentWindow ? '' : ', already under way in the baseline'})
                </>
              ) : (
                'unknown'
              )}
            </dd>
            <dt>Baseline</dt>
            <dd data-testid="alert-baseline">
              {a.numbers.baseline} · <Time iso={props.bounds.start} /> –{' '}
              <Time iso={props.bounds.split} />
            </dd>
            <dt>Recent</dt>
            <dd data-testid="alert-recent">
              {a.numbers.recent} · <Time iso={props.bounds.split} /> –{' '}
              <Time iso={props.bounds.end} /> (last {fmtSpan(props.sinceDays)})
            </dd>
            <dt>Thresholds</dt>
            <dd data-testid="alert-thresholds">
              α = {th.alpha} family-wise (Tarone step-down); {minimumEffect(a, th)}
            </dd>
          </dl>
        </details>
      </section>
      <h2>By error class</h2>
      <SignatureTable groups={props.groups} />
      <h2>By persona</h2>
      <PersonaShareTable groups={props.groups} ratings={ratingsFirst} />
      <h2>Rows</h2>
      <EvidenceFilterForm
        action={base}
        since={props.since}
        query={props.query}
        groups={props.groups}
      />
      {ratingsFirst ? ratingRows : callRows}
      {ratingsFirst ? callRows : ratingRows}
    </Layout>
  );
}
