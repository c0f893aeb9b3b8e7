import { ROW_MARKER_MODULES } from '@mana/contracts';
import { type Database, members, personas } from '@mana/db';
import type { FieldIssue } from '@mana/http';
import { eq } from 'drizzle-orm';

/** The ids of the spaces a persona belongs to now. */
export async function personaSpaceIds(db: Database, personaId: string): Promise<string[]> {
  const rows = await db
    .select({ id: members.organizationId })
    .from(members)
    .where(eq(members.userId, personaId));
  return rows.map((r) => r.id).sort();
}

/**
 * The ids of the spaces a persona belongs to now, or null when no persona has this id:
 * both checks of a write in one query.
 */
export async function spacesOfPersona(db: Database, personaId: string): Promise<string[] | null> {
  const rows = await db
    .select({ space: members.organizationId })
    .from(personas)
    .leftJoin(members, eq(members.userId, personas.userId))
    .where(eq(personas.userId, personaId));
  if (rows.length === 0) return null;
  return rows.flatMap((r) => (r.space === null ? [] : [r.space])).sort();
}

/** What rows may name: the app's modules (and the runner's markers) and the persona's spaces. */
export interface RowRefs {
  modules: readonly string[];
  spaces: readonly string[];
}

/**
 * The fields of rows that name a module the app does not have or a space that is not
 * the persona's, each with the valid values, so the 400 says what would have been right.
 * `prefix` is the body key of the rows (`actions.3.module`); rows without a space (a
 * tick that never chose one) pass.
 */
export function rowRefIssues(
  prefix: string,
  rows: readonly { module?: string | undefined; spaceId?: string | null | undefined }[],
  refs: RowRefs,
): FieldIssue[] {
  const modules = new Set([...refs.modules, ...ROW_MARKER_MODULES]);
  const spaces = new Set(refs.spaces);
  const issues: FieldIssue[] = [];
  rows.forEach((row, i) => {
    const at = prefix ? `${prefix}.${i}.` : '';
    if (row.module !== undefined && !modules.has(row.module)) {
      issues.push({
        path: `${at}module`,
        message: `unknown module; valid: ${[...modules].join(', ')}`,
      });
    }
    if (row.spaceId && !spaces.has(row.spaceId)) {
      issues.push({
        path: `${at}spaceId`,
        message: `not one of this persona's spaces; valid: ${[...spaces].join(', ') || '(none)'}`,
      });
    }
  });
  return issues;
}
