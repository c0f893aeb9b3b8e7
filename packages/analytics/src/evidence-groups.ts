import { type Database, selectRows, toIso } from '@mana/db';
import { sql } from 'drizzle-orm';
import {
  callSelection,
  type EvidenceFilter,
  type EvidenceTarget,
  ratingSelection,
} from './evidence-filter';
import { type AnalysisWindow, windowBounds } from './windows';

/** Calls of one error class: how many, from how many personas, when, one message. */
export interface SignatureGroup {
  /** The normalised class; null for calls without an error message (slow or wrong answers). */
  signature: string | null;
  example: string | null;
  outcomes: string[];
  tools: string[];
  calls: number;
  personas: number;
  first: string;
  last: string;
}

/** One persona's share of the evidence. */
export interface PersonaGroup {
  personaId: string;
  persona: string;
  calls: number;
  ratings: number;
  /** Mean of the persona's ratings in the selection; null without ratings. */
  meanRating: number | null;
}

/** The evidence summed up before its rows: by error class and by persona, largest first. */
export interface EvidenceGroups {
  calls: number;
  ratings: number;
  bySignature: SignatureGroup[];
  byPersona: PersonaGroup[];
  /** Every tool and outcome kind of the module's recent calls (the filter's choices). */
  choices: { tools: string[]; personas: { id: string; email: string }[] };
}

/**
 * Counts the calls (and ratings) behind an alert by error signature and by persona, with
 * the same selection and filter as {@link alertEvidence}: counts first, samples after.
 */
export async function evidenceGroups(
  db: Database,
  target: EvidenceTarget,
  window: AnalysisWindow,
  filter: EvidenceFilter = {},
): Promise<EvidenceGroups> {
  const forRatings = target.kind === 'rating_drop';
  const calls = callSelection(
    forRatings ? { ...target, kind: 'failure_rate' } : target,
    window,
    filter,
  );
  const sig = sql`coalesce(a.error_signature, auth.error_signature(a.error_message))`;
  const { split, end } = windowBounds(window);
  const [signatures, callPersonas, ratingPersonas, tools, personas] = await Promise.all([
    selectRows<Record<string, unknown>>(
      db,
      sql`select ${sig} as signature, min(a.error_message) as example,
                 array_agg(distinct a.outcome) as outcomes, array_agg(distinct a.tool_name) as tools,
                 count(*)::int as calls, count(distinct a.persona_id)::int as personas,
                 min(a.created_at) as first, max(a.created_at) as last
          from auth.persona_actions a where ${calls.where}
          group by 1 order by calls desc, signature asc nulls last`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`select a.persona_id, u.email, count(*)::int as calls
          from auth.persona_actions a join auth.users u on u.id = a.persona_id
          where ${calls.where} group by 1, 2`,
    ),
    selectRows<Record<string, unknown>>(
      db,
      sql`select f.persona_id, u.email, count(*)::int as ratings, avg(f.rating)::float8 as mean
          from auth.persona_feedback f join auth.users u on u.id = f.persona_id
          where ${ratingSelection(target, window, filter)} group by 1, 2`,
    ),
    selectRows<{ tool: string }>(
      db,
      sql`select distinct a.tool_name as tool from auth.persona_actions a
          where a.module = ${target.module}
            and a.created_at > ${split}::timestamptz and a.created_at <= ${end}::timestamptz
          order by 1`,
    ),
    selectRows<{ id: string; email: string }>(
      db,
      sql`select p.user_id as id, u.email from auth.personas p join auth.users u on u.id = p.user_id
          order by u.email`,
    ),
  ]);
  const byPersona = new Map<string, PersonaGroup>();
  const group = (id: string, email: string) => {
    const g = byPersona.get(id) ?? {
      personaId: id,
      persona: email,
      calls: 0,
      ratings: 0,
      meanRating: null,
    };
    byPersona.set(id, g);
    return g;
  };
  for (const r of callPersonas)
    group(String(r.persona_id), String(r.email)).calls = Number(r.calls);
  if (forRatings) {
    for (const r of ratingPersonas) {
      const g = group(String(r.persona_id), String(r.email));
      g.ratings = Number(r.ratings);
      g.meanRating = Number(r.mean);
    }
  }
  const list = [...byPersona.values()].sort(
    (a, b) =>
      (forRatings ? b.ratings - a.ratings : 0) ||
      b.calls - a.calls ||
      a.persona.localeCompare(b.persona),
  );
  return {
    calls: signatures.reduce((n, s) => n + Number(s.calls), 0),
    ratings: forRatings ? ratingPersonas.reduce((n, r) => n + Number(r.ratings), 0) : 0,
    bySignature: signatures.map((s) => ({
      signature: (s.signature as string | null) ?? null,
      example: (s.example as string | null) ?? null,
      outcomes: (s.outcomes as string[] | null) ?? [],
      tools: (s.tools as string[] | null) ?? [],
      calls: Number(s.calls),
      personas: Number(s.personas),
      first: toIso(s.first as string) as string,
      last: toIso(s.last as string) as string,
    })),
    byPersona: list,
    choices: { tools: tools.map((t) => t.tool), personas },
  };
}
