import type { OperatorReport } from '@mana/analytics';

/** One window's totals. */
export interface WindowTotals {
  calls: number;
  errors: number;
  errorRate: number | null;
  ratings: number;
  meanRating: number | null;
}

/** The overview's key figures: personas, and calls, errors and ratings per window. */
export interface ReportKpis {
  personas: number;
  activePersonas: number;
  recent: WindowTotals;
  baseline: WindowTotals;
}

/** Sums a report's tools and modules into per-window totals (ratings weighted by count). */
export function reportKpis(report: OperatorReport): ReportKpis {
  const totals = (which: 'recent' | 'baseline'): WindowTotals => {
    const calls = report.tools.reduce((n, t) => n + t[which].calls, 0);
    const errors = report.tools.reduce((n, t) => n + t[which].errors, 0);
    const rated = report.modules.filter((m) => m[which].mean !== null);
    const ratings = rated.reduce((n, m) => n + m[which].count, 0);
    const sum = rated.reduce((s, m) => s + (m[which].mean ?? 0) * m[which].count, 0);
    return {
      calls,
      errors,
      errorRate: calls > 0 ? errors / calls : null,
      ratings,
      meanRating: ratings > 0 ? sum / ratings : null,
    };
  };
  return {
    personas: report.personas.length,
    activePersonas: report.personas.filter((p) => p.actions7d > 0).length,
    recent: totals('recent'),
    baseline: totals('baseline'),
  };
}
