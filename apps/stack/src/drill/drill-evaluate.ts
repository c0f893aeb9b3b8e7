import {
  DEFAULT_THRESHOLDS,
  detectRegressions,
  type RegressionAlert,
  type RegressionThresholds,
} from '@mana/analytics';
import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';
import type { DrillKind } from './drill-kinds';

const DAY = 24 * 3600_000;

/** How one injected regression fared in one simulation. */
export interface KindOutcome {
  kind: string;
  tool: string;
  /** `tool`: an alert named the tool; `module`: only its module; `missed`: neither. */
  flagged: 'tool' | 'module' | 'missed';
  /** The detectors whose alerts named it, on the first day it was flagged. */
  detectors: string[];
  /** Whole simulated days after the onset until the first report that flagged it. */
  daysToDetection: number | null;
  /** The alerts' earliest onset estimate (ISO), and its distance from the true onset in hours. */
  onsetEstimate: string | null;
  onsetErrorHours: number | null;
  /** Calls of the tool in the week before the onset and the week after. */
  calls: { before: number; after: number };
}

/** What the reports said about one simulation. */
export interface RunEvaluation {
  kinds: KindOutcome[];
  /** Alerts of the final report outside every injected module (all alerts on a clean run). */
  falseAlerts: { id: string; summary: string }[];
  /** Alerts of the final report in an injected module that name another tool of it. */
  collateral: { id: string; summary: string }[];
}

/**
 * Runs the report's detectors the way an operator would look each morning after the
 * onset: on day d the recent window is the d days since the onset and the baseline the
 * d days before it (`--since <d>d`), for d = 1..`maxDays`; a kind counts as flagged on the
 * first day an alert names its tool. False alerts come from the final report (the last
 * `finalDays` days against the ones before, as `npm run report` would show at the end).
 */
export async function evaluateRun(
  db: Database,
  options: {
    kinds: readonly DrillKind[];
    onset: Date;
    end: Date;
    maxDays: number;
    finalDays: number;
    thresholds?: RegressionThresholds;
  },
): Promise<RunEvaluation> {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const detect = async (asOf: Date, days: number) =>
    (await detectRegressions(db, { asOf, recentDays: days, baselineDays: days }, thresholds))
      .alerts;
  const pending = new Map(options.kinds.map((k) => [k.tool, k]));
  const outcomes = new Map<string, KindOutcome>();
  const moduleOnly = new Set<string>();
  for (let d = 1; d <= options.maxDays && pending.size > 0; d++) {
    const alerts = await detect(new Date(options.onset.getTime() + d * DAY), d);
    for (const [tool, kind] of pending) {
      const named = alerts.filter((a) => a.tool === tool);
      if (named.length === 0) {
        if (alerts.some((a) => a.module === moduleOf(tool) && a.tool === null))
          moduleOnly.add(tool);
        continue;
      }
      pending.delete(tool);
      outcomes.set(tool, found(kind, named, d, options.onset));
    }
  }
  const final = await detect(options.end, options.finalDays);
  const modules = new Set(options.kinds.map((k) => moduleOf(k.tool)));
  const tools = new Set(options.kinds.map((k) => k.tool));
  const line = (a: RegressionAlert) => ({ id: a.id, summary: a.summary });
  const kinds: KindOutcome[] = [];
  for (const kind of options.kinds) {
    const outcome = outcomes.get(kind.tool) ?? {
      kind: kind.kind,
      tool: kind.tool,
      flagged: moduleOnly.has(kind.tool) ? ('module' as const) : ('missed' as const),
      detectors: [],
      daysToDetection: null,
      onsetEstimate: null,
      onsetErrorHours: null,
      calls: { before: 0, after: 0 },
    };
    outcome.calls = await callsAround(db, kind.tool, options.onset, options.maxDays);
    kinds.push(outcome);
  }
  return {
    kinds,
    falseAlerts: final.filter((a) => !modules.has(a.module)).map(line),
    collateral: final
      .filter((a) => modules.has(a.module) && a.tool !== null && !tools.has(a.tool))
      .map(line),
  };
}

function found(kind: DrillKind, alerts: RegressionAlert[], day: number, onset: Date): KindOutcome {
  const onsets = alerts.flatMap((a) => (a.onset ? [new Date(a.onset.at).getTime()] : []));
  const estimate = onsets.length > 0 ? Math.min(...onsets) : null;
  return {
    kind: kind.kind,
    tool: kind.tool,
    flagged: 'tool',
    detectors: [...new Set(alerts.map((a) => a.kind))],
    daysToDetection: day,
    onsetEstimate: estimate === null ? null : new Date(estimate).toISOString(),
    onsetErrorHours:
      estimate === null ? null : Math.round(((estimate - onset.getTime()) / 3600_000) * 10) / 10,
    calls: { before: 0, after: 0 },
  };
}

function moduleOf(tool: string): string {
  return tool.slice(0, tool.indexOf('.'));
}

async function callsAround(db: Database, tool: string, onset: Date, days: number) {
  const from = new Date(onset.getTime() - days * DAY).toISOString();
  const to = new Date(onset.getTime() + days * DAY).toISOString();
  const at = onset.toISOString();
  const [row] = await selectRows<{ before: number | string; after: number | string }>(
    db,
    sql`select count(*) filter (where created_at <= ${at}::timestamptz) as before,
               count(*) filter (where created_at > ${at}::timestamptz) as after
        from auth.persona_actions
        where tool_name = ${tool} and created_at > ${from}::timestamptz and created_at <= ${to}::timestamptz`,
  );
  return { before: Number(row?.before ?? 0), after: Number(row?.after ?? 0) };
}
