import { TRANSCRIPT_ROLES, type TranscriptRole } from '@mana/contracts';
import { type Database, selectRows, toIso } from '@mana/db';
import { sql } from 'drizzle-orm';
import { z } from 'zod';

/** Longest text of one excerpt line, in characters. */
export const EXCERPT_CHARS = 160;
/** How many entries of the day an excerpt opens with. */
export const EXCERPT_ENTRIES = 3;

/** One line of a transcript excerpt: who spoke, and the start of what was said. */
export interface ExcerptLine {
  role: TranscriptRole;
  toolName: string | null;
  isError: boolean;
  /** At most {@link EXCERPT_CHARS} characters; `cut` when the entry was longer. */
  text: string;
  cut: boolean;
}

/** One of a persona's latest ticks with the opening of its conversation. */
export interface RecentTranscript {
  tickId: string;
  startedAt: string;
  status: string;
  brain: string | null;
  model: string | null;
  actionsCount: number;
  /** Whether a transcript is stored (none for old, purged or silent days). */
  stored: boolean;
  /** Entries of the whole day. */
  entries: number;
  /** The day's first {@link EXCERPT_ENTRIES} entries said by the persona or a tool. */
  excerpt: ExcerptLine[];
  /** The day's first failed tool answer, when it is not already in `excerpt`. */
  firstError: ExcerptLine | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  started_at: Date | string;
  status: string;
  brain: string | null;
  model: string | null;
  actions_count: number;
  stored: boolean;
  entries: number | null;
  excerpt: unknown;
  first_error: unknown;
}

/** One excerpt line as the query builds it (jsonb, parsed by the driver). */
const rawLineSchema = z.object({
  n: z.coerce.number(),
  role: z.enum(TRANSCRIPT_ROLES),
  toolName: z.string().nullable(),
  isError: z.boolean().nullable(),
  text: z.string().nullable(),
  length: z.coerce.number().nullable(),
});
type RawLine = z.output<typeof rawLineSchema>;

/** The lines of a jsonb value; anything else (no transcript) is none. */
function lines(value: unknown): RawLine[] {
  const parsed = z.array(rawLineSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

function toLine(raw: RawLine): ExcerptLine {
  const text = raw.text ?? '';
  return {
    role: raw.role,
    toolName: raw.toolName ?? null,
    isError: raw.isError === true,
    text,
    cut: (raw.length ?? 0) > text.length,
  };
}

/**
 * A persona's latest `limit` ticks, newest first, each with the opening of its day's
 * conversation (system prompts and the model's prompts left out) and its first failed
 * tool answer: one query on the `(persona_id, started_at desc)` index of ticks, each
 * transcript read by its primary key and cut in the database, so a day's 100 000
 * characters never leave it.
 */
export async function personaRecentTranscripts(
  db: Database,
  personaId: string,
  limit = 10,
): Promise<RecentTranscript[]> {
  const line = sql`jsonb_build_object('n', x.n, 'role', x.e->>'role', 'toolName', x.e->>'toolName',
      'isError', (x.e->>'isError')::boolean, 'text', left(x.e->>'text', ${EXCERPT_CHARS}),
      'length', length(x.e->>'text'))`;
  const said = sql`x.e->>'phase' = 'day' and x.e->>'role' in ('assistant', 'tool_call', 'tool_result')`;
  const rows = await selectRows<Row>(
    db,
    sql`select t.id, t.started_at, t.status, t.brain, t.model, t.actions_count,
               tr.tick_id is not null as stored,
               jsonb_array_length(tr.entries) as entries,
               (select jsonb_agg(o.line order by o.n) from (
                  select ${line} as line, x.n
                  from jsonb_array_elements(tr.entries) with ordinality as x(e, n)
                  where ${said}
                  order by x.n limit ${EXCERPT_ENTRIES}) o) as excerpt,
               (select ${line}
                  from jsonb_array_elements(tr.entries) with ordinality as x(e, n)
                  where ${said} and x.e->>'isError' = 'true'
                  order by x.n limit 1) as first_error
        from auth.persona_ticks t
        left join auth.persona_transcripts tr on tr.tick_id = t.id
        where t.persona_id = ${personaId}
        order by t.started_at desc, t.id
        limit ${limit}`,
  );
  return rows.map((r) => {
    const excerpt = lines(r.excerpt);
    const [error] = lines([r.first_error]);
    const shown = error !== undefined && excerpt.some((l) => l.n === error.n);
    return {
      tickId: r.id,
      startedAt: toIso(r.started_at) as string,
      status: r.status,
      brain: r.brain,
      model: r.model,
      actionsCount: Number(r.actions_count),
      stored: Boolean(r.stored),
      entries: Number(r.entries ?? 0),
      excerpt: excerpt.map(toLine),
      firstError: error && !shown ? toLine(error) : null,
    };
  });
}
