import type { ReportAlert } from '@mana/analytics';
import { AlertRow, NothingWorse } from './alert-row';
import { Rating } from './components';
import { alertHref, fmtP, moduleHref } from './format';

const KIND_LABELS: Record<ReportAlert['kind'], string> = {
  failure_rate: 'Failure rate up',
  new_signature: 'New error',
  latency: 'Slower',
  check_failures: 'Failed checks up',
  rating_drop: 'Rating drop',
};

const TEST_LABELS: Record<ReportAlert['test'], string> = {
  'fisher-exact': 'Fisher’s exact test',
  'conditional-binomial': 'conditional binomial test',
  'mann-whitney-u': 'Mann–Whitney U',
};

/** Human name of an alert kind. */
export function alertKindLabel(kind: ReportAlert['kind']): string {
  return KIND_LABELS[kind];
}

/** Human name of an alert's test. */
export function alertTestLabel(test: ReportAlert['test']): string {
  return TEST_LABELS[test];
}

/**
 * The regression alerts, most significant first, each with its first evidence and a link
 * to the full evidence page.
 */
export function AlertList(props: {
  alerts: readonly ReportAlert[];
  since: string;
  tested: { modules: number; tools: number };
}) {
  if (props.alerts.length === 0) return <NothingWorse what="regressions" tested={props.tested} />;
  return (
    <ul class="alerts">
      {props.alerts.map((a) => {
        const rating = a.kind === 'rating_drop' ? a.evidence.ratings[0] : undefined;
        const failure = a.evidence.calls.find((c) => c.errorMessage !== null);
        return (
          <AlertRow
            badge={{ label: alertKindLabel(a.kind), tone: 'bad' }}
            href={alertHref(a.id, props.since)}
            summary={a.summary}
            testId="alert-item"
            linkTestId="alert-link"
            attributes={{ 'data-alert-id': a.id }}
          >
            <div class="muted">
              {alertTestLabel(a.test)}, {a.statistic.name} = {String(a.statistic.value)},{' '}
              {fmtP(a.p)} · module <a href={moduleHref(a.module, props.since)}>{a.module}</a>
            </div>
            {rating ? (
              <div>
                Lowest rating: <Rating value={rating.rating} single /> by {rating.persona}
                {rating.notes ? <span class="notes"> — “{rating.notes}”</span> : null}
              </div>
            ) : null}
            {failure ? (
              <div>
                Latest failure: {failure.tool}{' '}
                <span class="errtext">{failure.errorMessage ?? '(no message)'}</span>
              </div>
            ) : null}
          </AlertRow>
        );
      })}
    </ul>
  );
}
