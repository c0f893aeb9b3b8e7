import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';
import { callSelection, type EvidenceTarget, ratingSelection } from './evidence-filter';
import type { AnalysisWindow } from './windows';

/** How many of an alert's evidence rows came from one persona. */
export interface EvidencePersona {
  personaId: string;
  persona: string;
  /** Calls of the evidence; for a rating drop, the module's recent ratings. */
  rows: number;
}

/**
 * Who is behind each target's evidence (the same selection as the evidence page's "By
 * persona"), most rows first: one query for all targets, so a page listing incidents
 * can say for whom each one fails without a query per incident. The result is in the
 * order of `targets`.
 *
 * @example
 * const [lead] = await evidencePersonas(db, [incident.lead], window);
 */
export async function evidencePersonas(
  db: Database,
  targets: readonly EvidenceTarget[],
  window: AnalysisWindow,
): Promise<EvidencePersona[][]> {
  if (targets.length === 0) return [];
  const parts = targets.map((t, k) =>
    t.kind === 'rating_drop'
      ? sql`select ${k}::int as k, f.persona_id, count(*)::int as n
            from auth.persona_feedback f where ${ratingSelection(t, window)} group by f.persona_id`
      : sql`select ${k}::int as k, a.persona_id, count(*)::int as n
            from auth.persona_actions a where ${callSelection(t, window).where} group by a.persona_id`,
  );
  const rows = await selectRows<{ k: number; persona_id: string; email: string; n: number }>(
    db,
    sql`select x.k, x.persona_id, u.email, x.n
        from (${sql.join(parts, sql` union all `)}) x join auth.users u on u.id = x.persona_id
        order by x.k, x.n desc, u.email`,
  );
  const result: EvidencePersona[][] = targets.map(() => []);
  for (const r of rows) {
    result[Number(r.k)]?.push({ personaId: r.persona_id, persona: r.email, rows: Number(r.n) });
  }
  return result;
}
