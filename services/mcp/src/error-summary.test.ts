import { createTestDatabase } from '@mana/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summariseError } from './error-summary';

describe('issue 10 item 4: no SQL and no user content in error logs', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('keeps a query error’s SQLSTATE and drops its query and parameters', async () => {
    const error = await database.db
      .execute(sql`select ${'0000-01-01 Tagebuch von Tess'}::date as day`)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    const summary = summariseError(error);
    const logged = JSON.stringify(summary);
    expect(logged).not.toMatch(/select|Tagebuch|0000/i);
    expect(summary.sqlState).toMatch(/^22/);
    expect(summary.chain.length).toBeGreaterThan(0);
  });

  it('keeps a handler bug’s message and stack', () => {
    const summary = summariseError(new TypeError('x is undefined'));
    expect(summary).toMatchObject({ chain: ['TypeError'], message: 'x is undefined' });
    expect(summary.stack).toContain('error-summary.test.ts');
  });
});
