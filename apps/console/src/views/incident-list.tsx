import type { EvidencePersona, Incident, IncidentState, ReportAlert } from '@mana/analytics';
import { INCIDENT_STATUSES, type IncidentStatus } from '@mana/contracts';
import { alertKindLabel } from './alert-list';
import { AlertHeadline, AlertRow, NothingWorse } from './alert-row';
import { Time } from './components';
import { alertHref, moduleHref, personaHref, plural } from './format';

const STATUS_TONE: Record<IncidentStatus, string> = {
  open: 'bad',
  acknowledged: 'warn',
  resolved: 'ok',
};

/** How many personas an incident card names (the evidence page lists them all). */
const WHOM_SHOWN = 4;

/** An incident with its stored status and who is behind its lead alert's evidence. */
export type IncidentView = Incident<ReportAlert> & {
  state: IncidentState;
  whom: EvidencePersona[];
};

/** Open first, then acknowledged, then resolved; the detectors' order inside each. */
export function byStatus(incidents: readonly IncidentView[]): IncidentView[] {
  const rank = (s: IncidentStatus) => INCIDENT_STATUSES.indexOf(s);
  return [...incidents].sort((a, b) => rank(a.state.status) - rank(b.state.status));
}

/** How the lead alert's calls fail, in words: the error class and one message. */
function how(i: IncidentView): string | null {
  if (i.signature) return i.signature.example;
  const failure = i.lead.evidence.calls.find((c) => c.errorMessage !== null);
  return failure?.errorMessage ?? null;
}

/** The form that moves an incident to another status, with a note. */
function StatusForm(props: { incident: IncidentView; since: string }) {
  const current = props.incident.state.status;
  return (
    <form
      method="post"
      action={`/alerts/incidents/${encodeURIComponent(props.incident.id)}/status?since=${encodeURIComponent(props.since)}`}
      class="status-form"
      data-testid="incident-status-form"
    >
      <select name="status" aria-label="New status" data-testid="incident-status-select">
        {INCIDENT_STATUSES.filter((s) => s !== current).map((s) => (
          <option value={s}>{s}</option>
        ))}
      </select>
      <input name="note" maxlength={500} placeholder="note (optional)" aria-label="Note" />
      <button type="submit" data-testid="incident-status-submit">
        Set status
      </button>
    </form>
  );
}

/**
 * Incidents, one card each: status, which tool fails, how, since when and for whom, and
 * the alerts it groups. With `manage`, a status form and the status history.
 */
export function IncidentList(props: {
  incidents: readonly IncidentView[];
  since: string;
  manage?: boolean;
  tested: { modules: number; tools: number };
}) {
  if (props.incidents.length === 0) return <NothingWorse what="incidents" tested={props.tested} />;
  return (
    <ul class="alerts">
      {props.incidents.map((i) => {
        const message = how(i);
        const unit = i.lead.kind === 'rating_drop' ? 'rating' : 'call';
        return (
          <AlertRow
            badge={{
              label: i.state.status,
              tone: STATUS_TONE[i.state.status],
              testId: 'incident-status',
            }}
            href={alertHref(i.lead.id, props.since)}
            summary={i.lead.summary}
            testId="incident-item"
            linkTestId="incident-link"
            class={`incident status-${i.state.status}`}
            attributes={{
              id: `incident-${i.id}`,
              'data-incident-id': i.id,
              'data-status': i.state.status,
            }}
          >
            <div data-testid="incident-facts">
              {i.tools.length > 0 ? <>Tool {i.tools.join(', ')} · </> : null}
              module <a href={moduleHref(i.module, props.since)}>{i.module}</a> · since{' '}
              <Time iso={i.onset} /> · {plural(i.lead.evidence.total, 'row')} of evidence
            </div>
            {message ? (
              <div>
                How: <span class="errtext">{message}</span>
              </div>
            ) : null}
            {i.whom.length > 0 ? (
              <div data-testid="incident-whom">
                For:{' '}
                {i.whom.slice(0, WHOM_SHOWN).map((p, n) => (
                  <>
                    {n > 0 ? ', ' : ''}
                    <a href={personaHref(p.personaId)}>{p.persona}</a> ({plural(p.rows, unit)})
                  </>
                ))}
                {i.whom.length > WHOM_SHOWN ? (
                  <span class="muted">
                    {' '}
                    and {plural(i.whom.length - WHOM_SHOWN, 'more persona')}
                  </span>
                ) : null}
              </div>
            ) : null}
            <details open={props.manage ? true : undefined}>
              <summary data-testid="incident-parts">
                {plural(i.alerts.length, 'alert')} of one cause
              </summary>
              <ul class="parts">
                {i.alerts.map((a) => (
                  <li data-testid="incident-part" data-alert-id={a.id}>
                    <AlertHeadline
                      badge={{ label: alertKindLabel(a.kind), tone: 'bad' }}
                      href={alertHref(a.id, props.since)}
                      summary={a.summary}
                    />
                  </li>
                ))}
              </ul>
            </details>
            {props.manage ? (
              <>
                <StatusForm incident={i} since={props.since} />
                {i.state.history.length > 0 ? (
                  <ol class="history" data-testid="incident-history">
                    {i.state.history.map((h) => (
                      <li>
                        <Time iso={h.at} /> {h.actor} → <strong>{h.status}</strong>
                        {h.note ? <span class="notes"> — “{h.note}”</span> : null}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <div class="muted">No status changes yet.</div>
                )}
              </>
            ) : null}
          </AlertRow>
        );
      })}
    </ul>
  );
}
