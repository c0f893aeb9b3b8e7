import type { RegressionAlert } from './alerts';

/** Alerts whose onsets lie this close to an incident's first onset share its cause. */
export const INCIDENT_ONSET_WINDOW_HOURS = 36;

/**
 * Alerts that share one cause: one module, at most one error class (its signature with
 * the tool's own name taken out), onsets within one window. A broken tool shows up several ways (the tool's and the module's failure
 * rate, a new error message, the module's ratings); the incident lists them as its parts.
 */
export interface Incident<A extends RegressionAlert = RegressionAlert> {
  /**
   * `<module>@<day of the first onset>`, and `#<signature hash>` when a new error class
   * defines it: stable while the onset estimate stays on its day, so a status sticks.
   */
  id: string;
  module: string;
  /** The new error class of the incident, when one of its parts is a new signature. */
  signature: { hash: string; text: string; example: string } | null;
  /** The earliest estimated onset of its parts (ISO), null when none has one. */
  onset: string | null;
  /** Tools named by its parts, most telling first. */
  tools: string[];
  /** The part whose evidence leads: a tool's new error or failure rate before the module's. */
  lead: A;
  /** Its parts, most significant first (as the detectors ordered them). */
  alerts: A[];
}

/** Which alert's evidence reads first: a tool that fails says more than a module's mood. */
const LEAD_RANK: Record<string, number> = {
  'tool:new_signature': 0,
  'tool:failure_rate': 1,
  'tool:check_failures': 2,
  'tool:latency': 3,
  'module:failure_rate': 4,
  'module:check_failures': 5,
  'module:rating_drop': 6,
};

function leadRank(a: RegressionAlert): number {
  return LEAD_RANK[`${a.scope}:${a.kind}`] ?? 9;
}

const HOUR_MS = 3_600_000;

interface Cluster<A extends RegressionAlert> {
  module: string;
  signature: string | null;
  firstOnsetMs: number | null;
  alerts: A[];
}

/**
 * The error class of a new-signature alert with its own tool's name taken out: a module
 * fault says "notes.pin failed unexpectedly" on one tool and "notes.tag failed…" on the
 * next, one cause. The tool name is written as `auth.error_signature` stores it (lower
 * case, numbers as `<n>`).
 */
function signatureOf(a: RegressionAlert): string | null {
  if (a.kind !== 'new_signature') return null;
  const name = a.tool.toLowerCase().replace(/-?[0-9]+(\.[0-9]+)?/g, '<n>');
  return name ? a.signature.split(name).join('<tool>') : a.signature;
}

function onsetMs(a: RegressionAlert): number | null {
  return a.onset ? Date.parse(a.onset.at) : null;
}

/** Whether `a` can join `c`: same module, no second error class, onset inside the window. */
function fits<A extends RegressionAlert>(c: Cluster<A>, a: A, windowMs: number): boolean {
  if (c.module !== a.module) return false;
  const sig = signatureOf(a);
  if (sig !== null && c.signature !== null && sig !== c.signature) return false;
  const at = onsetMs(a);
  if (at === null || c.firstOnsetMs === null) return true;
  return Math.abs(at - c.firstOnsetMs) <= windowMs;
}

/**
 * Groups alerts into incidents (see {@link Incident}); incidents come in the order of
 * their most significant part. Alerts without an onset join their module's first
 * incident. Pure: the same alerts give the same incidents and ids.
 *
 * @example
 * const incidents = groupIncidents(report.alerts); // the overview leads with these
 */
export function groupIncidents<A extends RegressionAlert>(
  alerts: readonly A[],
  windowHours: number = INCIDENT_ONSET_WINDOW_HOURS,
): Incident<A>[] {
  const windowMs = windowHours * HOUR_MS;
  // Earliest onset first, so each cluster is anchored at its first onset; new signatures
  // before the others at equal onset, so a cluster knows its error class early.
  const order = alerts
    .map((a, i) => ({ a, i, at: onsetMs(a) }))
    .sort(
      (x, y) =>
        (x.at ?? Number.POSITIVE_INFINITY) - (y.at ?? Number.POSITIVE_INFINITY) ||
        leadRank(x.a) - leadRank(y.a) ||
        x.i - y.i,
    );
  const clusters: Cluster<A>[] = [];
  const rankOf = new Map<A, number>(alerts.map((a, i) => [a, i]));
  for (const { a, at } of order) {
    const cluster = clusters.find((c) => fits(c, a, windowMs));
    if (cluster) {
      cluster.alerts.push(a);
      cluster.signature ??= signatureOf(a);
      cluster.firstOnsetMs ??= at;
    } else {
      clusters.push({ module: a.module, signature: signatureOf(a), firstOnsetMs: at, alerts: [a] });
    }
  }
  const rank = (a: A) => rankOf.get(a) ?? 0;
  return clusters
    .map((c) => toIncident(c, rank))
    .sort((x, y) => rank(x.alerts[0] as A) - rank(y.alerts[0] as A));
}

function toIncident<A extends RegressionAlert>(c: Cluster<A>, rank: (a: A) => number): Incident<A> {
  const alerts = [...c.alerts].sort((x, y) => rank(x) - rank(y));
  const byLead = [...alerts].sort((x, y) => leadRank(x) - leadRank(y) || rank(x) - rank(y));
  const lead = byLead[0] as A;
  const tools = [...new Set(byLead.flatMap((a) => (a.tool ? [a.tool] : [])))];
  const sigAlert = alerts.find((a) => a.kind === 'new_signature');
  const signature =
    sigAlert?.kind === 'new_signature'
      ? {
          hash: sigAlert.id.split(':').at(-1) ?? '',
          text: sigAlert.signature,
          example: sigAlert.example,
        }
      : null;
  const onset = c.firstOnsetMs === null ? null : new Date(c.firstOnsetMs).toISOString();
  const day = onset ? onset.slice(0, 10) : 'undated';
  return {
    id: `${c.module}@${day}${signature ? `#${signature.hash}` : ''}`,
    module: c.module,
    signature,
    onset,
    tools,
    lead,
    alerts,
  };
}
