import { z } from 'zod';

/** A module rating ready to store. */
export interface ParsedRating {
  module: string;
  rating: number;
  notes: string;
}

/** The module name under which an unparseable rating answer is kept for operators. */
export const PARSE_FAILURE_MODULE = '__parse';

const ratingItem = z.object({
  module: z.string().trim().min(1),
  rating: z.union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ]),
  notes: z.string().optional().nullable(),
  note: z.string().optional().nullable(),
});
const answer = z.union([
  z.object({ ratings: z.array(z.unknown()) }),
  z.array(z.unknown()).transform((ratings) => ({ ratings })),
]);

/**
 * Reads the rating turn's answer. Tolerates code fences, prose around the JSON and
 * whitespace; takes the first JSON value that has ratings; rounds and clamps each
 * rating to 1..5; drops modules the persona did not use and repeats; keeps a note.
 * When nothing usable is found, returns one `__parse` row (rating 1) carrying the raw
 * answer, so an operator sees that the model did not answer as asked.
 */
export function parseRatings(text: string, usedModules: readonly string[]): ParsedRating[] {
  const used = new Set(usedModules);
  for (const candidate of jsonCandidates(text)) {
    const shaped = answer.safeParse(candidate);
    if (!shaped.success) continue;
    const ratings: ParsedRating[] = [];
    const seen = new Set<string>();
    for (const raw of shaped.data.ratings) {
      const item = ratingItem.safeParse(raw);
      if (!item.success || !Number.isFinite(item.data.rating)) continue;
      const module = item.data.module.toLowerCase();
      if (!used.has(module) || seen.has(module)) continue;
      seen.add(module);
      ratings.push({
        module,
        rating: Math.min(5, Math.max(1, Math.round(item.data.rating))),
        notes: (item.data.notes ?? item.data.note ?? '').trim().slice(0, 2000),
      });
    }
    if (ratings.length > 0 || shaped.data.ratings.length === 0) return ratings;
  }
  if (usedModules.length === 0) return [];
  return [
    {
      module: PARSE_FAILURE_MODULE,
      rating: 1,
      notes: `Unparseable rating answer: ${text.trim().slice(0, 1500)}`,
    },
  ];
}

/** JSON values found in text: fenced blocks first, then each balanced {...} or [...]. */
function* jsonCandidates(text: string): Generator<unknown> {
  for (const match of text.matchAll(/```(?:json|JSON)?\s*([\s\S]*?)```/g)) {
    const parsed = tryParse(match[1] ?? '');
    if (parsed !== undefined) yield parsed;
  }
  const whole = tryParse(text.trim());
  if (whole !== undefined) yield whole;
  for (let i = 0; i < text.length; i++) {
    const open = text[i];
    if (open !== '{' && open !== '[') continue;
    const end = balancedEnd(text, i);
    if (end === -1) continue;
    const parsed = tryParse(text.slice(i, end + 1));
    if (parsed !== undefined) {
      yield parsed;
      i = end;
    }
  }
}

function tryParse(source: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch {
    return undefined;
  }
}

/** Index of the bracket closing the one at `start`, respecting strings; -1 if none. */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') stack.push('}');
    else if (ch === '[') stack.push(']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
