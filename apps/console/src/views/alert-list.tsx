import type { ReportAlert } from '@mana/analytics';
import { Empty, Rating } from './components';
import { alertHref, fmtP, moduleHref, plural } from './format';

/** Human name of an alert kind. */
export function alertKindLabel(kind: ReportAlert['kind']): string {
  return kind === 'rating_drop' ? 'Rating drop' : 'Error rate jump';
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
  if (props.alerts.length === 0) {
    return (
      <Empty>
        No regressions: {plural(props.tested.modules, 'module')} and{' '}
        {plural(props.tested.tools, 'tool')} had enough data to test, and none is significantly
        worse than in the baseline.
      </Empty>
    );
  }
  return (
    <ul class="alerts">
      {props.alerts.map((a) => {
        const rating = a.evidence.lowestRatings[0];
        const failure = a.evidence.recentErrors[0];
        return (
          <li class="card alert" data-testid="alert-item" data-alert-id={a.id}>
            <div>
              <span class="badge bad">{alertKindLabel(a.kind)}</span>{' '}
              <a class="what" href={alertHref(a.id, props.since)} data-testid="alert-link">
                {a.summary}
              </a>
            </div>
            <div class="muted">
              {a.test === 'mann-whitney-u' ? 'Mann–Whitney U' : 'two-proportion z-test'}, z ={' '}
              {a.z.toFixed(2)}, {fmtP(a.p)} · module{' '}
              <a href={moduleHref(a.module, props.since)}>{a.module}</a>
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
          </li>
        );
      })}
    </ul>
  );
}
