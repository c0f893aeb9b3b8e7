import { selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAppRegistry } from './index';
import { invokeTool } from './invoke';
import { createToolTestBed, type ToolTestBed } from './testing/tool-context';
import { findNulPath } from './text-safety';
import type { AnyToolSpec } from './tool-spec';

/** The input fields of a tool, as published (JSON Schema), with their types and formats. */
function fieldsOf(tool: AnyToolSpec): { name: string; type?: string; format?: string }[] {
  const schema = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string; format?: string }>;
  };
  return Object.entries(schema.properties ?? {}).map(([name, p]) => ({ name, ...p }));
}

/** Rows in every table of the database, so a test can show nothing was written. */
async function rowCount(bed: ToolTestBed): Promise<number> {
  const tables = await selectRows<{ name: string }>(
    bed.db,
    sql`select format('%I.%I', table_schema, table_name) as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  let total = 0;
  for (const { name } of tables) {
    const counted = await selectRows<{ n: number }>(
      bed.db,
      sql.raw(`select count(*)::int as n from ${name}`),
    );
    total += counted[0]?.n ?? 0;
  }
  return total;
}

const tools = createAppRegistry().exposed();

describe('issue 10 item 4: hostile text and dates are refused naming the field', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('finds NUL in values and keys at any depth', () => {
    expect(findNulPath({ a: 'ok', tags: ['x', 'y\u0000'] })).toBe('tags.1');
    expect(findNulPath({ lines: [{ description: '\u0000' }] })).toBe('lines.0.description');
    expect(findNulPath({ 'k\u0000': 1 })).toBe('k\\u0000');
    expect(findNulPath('\u0000')).toBe('(root)');
    expect(findNulPath({ a: 'fine', n: 1, b: null })).toBeUndefined();
  });

  it('refuses a NUL in every string field of every tool, writing nothing', async () => {
    const before = await rowCount(bed);
    let cases = 0;
    for (const tool of tools) {
      for (const field of fieldsOf(tool).filter((f) => f.type === 'string')) {
        const outcome = await invokeTool(tool, { [field.name]: 'Milch\u0000kaufen' }, bed.a);
        expect(outcome, `${tool.name}.${field.name}`).toMatchObject({
          ok: false,
          kind: 'invalid_input',
          fields: [{ path: field.name, message: expect.stringContaining('NUL') }],
        });
        cases += 1;
      }
    }
    expect(cases).toBeGreaterThan(90);
    expect(await rowCount(bed)).toBe(before);
  });

  it('refuses year 0000 and 9999 in every date and date-time field, writing nothing', async () => {
    const before = await rowCount(bed);
    const extremes = {
      date: ['0000-01-01', '9999-12-31', '1899-12-31', '3000-01-01'],
      'date-time': ['0000-01-01T00:00:00+01:00', '9999-12-31T23:00:00-05:00'],
    };
    let cases = 0;
    for (const tool of tools) {
      for (const field of fieldsOf(tool)) {
        const values = extremes[field.format as keyof typeof extremes] ?? [];
        for (const value of values) {
          const outcome = await invokeTool(tool, { [field.name]: value }, bed.a);
          expect(outcome, `${tool.name}.${field.name}=${value}`).toMatchObject({
            ok: false,
            kind: 'invalid_input',
          });
          if (outcome.ok || outcome.kind !== 'invalid_input') continue;
          expect(outcome.fields).toContainEqual({
            path: field.name,
            message: expect.stringContaining('year between 1900 and 2999'),
          });
          cases += 1;
        }
      }
    }
    expect(cases).toBeGreaterThan(20);
    expect(await rowCount(bed)).toBe(before);
  });

  it('still takes the edges of the range', async () => {
    const todoCreate = tools.find((t) => t.name === 'todo.create') as AnyToolSpec;
    for (const dueOn of ['1900-01-01', '2999-12-31']) {
      const outcome = await invokeTool(todoCreate, { title: 'Edge', dueOn }, bed.a);
      expect(outcome).toMatchObject({ ok: true, output: { todo: { dueOn } } });
    }
  });
});
