import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from './modules/contacts/table';
import { inSpace } from './space-scope';
import { createToolTestBed, type ToolTestBed } from './testing/tool-context';
import { textMatch } from './text-match';

describe('textMatch', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
    await bed.db.insert(contacts).values(
      [
        { name: 'Anna Weber', email: 'anna@example.com', company: null },
        { name: 'Ben', email: null, company: 'Weber GmbH' },
        { name: '50% Discount Ltd', email: null, company: null },
        { name: '500 Club', email: 'a_b@example.com', company: null },
        { name: 'Back\\slash', email: null, company: null },
      ].map((c) => ({ id: randomUUID(), spaceId: bed.spaceA, ...c })),
    );
  });
  afterAll(() => bed.close());

  const names = async (where: ReturnType<typeof textMatch>) =>
    (
      await bed.db
        .select({ name: contacts.name })
        .from(contacts)
        .where(inSpace(contacts, bed.a, where))
        .orderBy(asc(contacts.name))
    ).map((r) => r.name);

  it('matches text in any of the columns, ignoring case; a null column does not match', async () => {
    expect(
      await names(textMatch('WEBER', contacts.name, contacts.email, contacts.company)),
    ).toEqual(['Anna Weber', 'Ben']);
    expect(await names(textMatch('example', contacts.name, contacts.company))).toEqual([]);
  });

  it('looks in a single column when given one', async () => {
    expect(await names(textMatch('weber', contacts.company))).toEqual(['Ben']);
  });

  it('treats %, _ and \\ in the text as themselves, not as wildcards', async () => {
    expect(await names(textMatch('50%', contacts.name))).toEqual(['50% Discount Ltd']);
    expect(await names(textMatch('a_', contacts.email))).toEqual(['500 Club']);
    expect(await names(textMatch('_', contacts.name))).toEqual([]);
    expect(await names(textMatch('\\', contacts.name))).toEqual(['Back\\slash']);
  });
});
