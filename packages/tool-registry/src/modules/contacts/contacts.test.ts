import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { contactsCreate } from './create';
import { contactsDelete } from './delete';
import { contactsGet } from './get';
import { contactsLogInteraction } from './log-interaction';
import { contactsSearch } from './search';
import { contactInteractions, contacts } from './table';
import { contactsUpdate } from './update';

const names = (out: { contacts: { name: string }[] }) => out.contacts.map((c) => c.name);

describe('contacts module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('creates a contact in the caller’s space and returns what was stored', async () => {
    const { contact } = await bed.call(contactsCreate, {
      name: 'Anna Weber',
      email: 'anna@weber.example',
      phone: '+49 30 1234567',
      company: 'Weber GmbH',
      role: 'CFO',
      tags: ['client'],
    });
    expect(contact).toMatchObject({
      name: 'Anna Weber',
      email: 'anna@weber.example',
      company: 'Weber GmbH',
      role: 'CFO',
      notes: null,
      tags: ['client'],
      lastContactedAt: null,
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      name: 'Anna Weber',
      phone: '+49 30 1234567',
      tags: ['client'],
    });
  });

  it('searches name, email and company, by tag, ordered by name, only in its space', async () => {
    await bed.call(contactsCreate, { name: 'bernd Krause', email: 'bk@mail.example' });
    await bed.call(contactsCreate, {
      name: 'Carla Diaz',
      company: 'Krause & Söhne',
      tags: ['client', 'vip'],
    });
    await bed.call(contactsCreate, { name: 'Aaron Family' }, bed.b);

    expect(names(await bed.call(contactsSearch, {}))).toEqual([
      'Anna Weber',
      'bernd Krause',
      'Carla Diaz',
    ]);
    expect(names(await bed.call(contactsSearch, { query: 'krause' }))).toEqual([
      'bernd Krause',
      'Carla Diaz',
    ]);
    expect(names(await bed.call(contactsSearch, { query: 'WEBER.EXAMPLE' }))).toEqual([
      'Anna Weber',
    ]);
    expect(names(await bed.call(contactsSearch, { tag: 'client' }))).toEqual([
      'Anna Weber',
      'Carla Diaz',
    ]);
    expect(names(await bed.call(contactsSearch, { tag: 'client', query: 'söhne' }))).toEqual([
      'Carla Diaz',
    ]);
    expect((await bed.call(contactsSearch, { limit: 2 })).count).toBe(2);
    expect((await bed.call(contactsSearch, { query: '%' })).contacts).toEqual([]);
    expect(names(await bed.call(contactsSearch, {}, bed.b))).toEqual(['Aaron Family']);
  });

  it('updates only the given fields and clears with null', async () => {
    const { contact } = await bed.call(contactsCreate, {
      name: 'Dana',
      email: 'dana@old.example',
      company: 'Old Co',
    });
    bed.setNow('2026-11-25T10:00:00Z');
    const { contact: updated } = await bed.call(contactsUpdate, {
      id: contact.id,
      email: 'dana@new.example',
      company: null,
      tags: ['friend'],
    });
    expect(updated).toMatchObject({
      name: 'Dana',
      email: 'dana@new.example',
      company: null,
      tags: ['friend'],
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    const [row] = await bed.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row).toMatchObject({ email: 'dana@new.example', company: null, tags: ['friend'] });
  });

  it('logs interactions, keeps the latest contact time, and shows the 10 most recent', async () => {
    bed.setNow('2026-11-25T12:00:00Z');
    const { contact } = await bed.call(contactsCreate, { name: 'Erik' });
    const first = await bed.call(contactsLogInteraction, {
      contactId: contact.id,
      channel: 'call',
      summary: 'Talked about the offer',
    });
    expect(first.interaction).toMatchObject({
      contactId: contact.id,
      channel: 'call',
      summary: 'Talked about the offer',
      happenedAt: '2026-11-25T12:00:00.000Z',
    });
    expect(first.contact.lastContactedAt).toBe('2026-11-25T12:00:00.000Z');

    const older = await bed.call(contactsLogInteraction, {
      contactId: contact.id,
      channel: 'email',
      summary: 'Sent the brochure',
      happenedAt: '2026-11-20T08:00:00+01:00',
    });
    expect(older.interaction.happenedAt).toBe('2026-11-20T07:00:00.000Z');
    expect(older.contact.lastContactedAt).toBe('2026-11-25T12:00:00.000Z');
    const [row] = await bed.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row?.lastContactedAt?.toISOString()).toBe('2026-11-25T12:00:00.000Z');

    for (let day = 1; day <= 10; day++) {
      await bed.call(contactsLogInteraction, {
        contactId: contact.id,
        channel: 'message',
        summary: `Chat ${day}`,
        happenedAt: `2026-11-${String(day).padStart(2, '0')}T09:00:00Z`,
      });
    }
    const stored = await bed.db
      .select()
      .from(contactInteractions)
      .where(eq(contactInteractions.contactId, contact.id));
    expect(stored).toHaveLength(12);
    expect(stored.every((i) => i.spaceId === bed.spaceA)).toBe(true);

    const { contact: got, recentInteractions } = await bed.call(contactsGet, { id: contact.id });
    expect(got.lastContactedAt).toBe('2026-11-25T12:00:00.000Z');
    expect(recentInteractions.map((i: { summary: string }) => i.summary)).toEqual([
      'Talked about the offer',
      'Sent the brochure',
      'Chat 10',
      'Chat 9',
      'Chat 8',
      'Chat 7',
      'Chat 6',
      'Chat 5',
      'Chat 4',
      'Chat 3',
    ]);

    bed.setNow('2026-11-30T12:00:00Z');
    const later = await bed.call(contactsLogInteraction, {
      contactId: contact.id,
      channel: 'meeting',
      summary: 'Lunch',
    });
    expect(later.contact.lastContactedAt).toBe('2026-11-30T12:00:00.000Z');
  });

  it('cannot read, change or log on a contact of another space', async () => {
    const { contact } = await bed.call(contactsCreate, { name: 'Private Person' });
    for (const tool of [contactsGet, contactsDelete]) {
      expect(await bed.fail(tool, { id: contact.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No contact with id ${contact.id} in this space`,
      });
    }
    expect(
      await bed.fail(contactsUpdate, { id: contact.id, name: 'Hijacked' }, bed.b),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await bed.fail(
        contactsLogInteraction,
        { contactId: contact.id, channel: 'call', summary: 'Sneaky' },
        bed.b,
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await bed.db.select().from(contacts).where(eq(contacts.id, contact.id));
    expect(row).toMatchObject({ name: 'Private Person', lastContactedAt: null });
    expect(
      await bed.db
        .select()
        .from(contactInteractions)
        .where(eq(contactInteractions.contactId, contact.id)),
    ).toEqual([]);
  });

  it('deletes with its interactions (a destructive tool) and names bad input fields', async () => {
    const { contact } = await bed.call(contactsCreate, { name: 'Temp' });
    await bed.call(contactsLogInteraction, {
      contactId: contact.id,
      channel: 'other',
      summary: 'Hi',
    });
    expect(await bed.call(contactsDelete, { id: contact.id })).toEqual({
      deleted: true,
      id: contact.id,
    });
    expect(await bed.db.select().from(contacts).where(eq(contacts.id, contact.id))).toEqual([]);
    expect(
      await bed.db
        .select()
        .from(contactInteractions)
        .where(eq(contactInteractions.contactId, contact.id)),
    ).toEqual([]);
    expect(contactsDelete.policyHint).toBe('destructive');

    const bad = await bed.fail(contactsCreate, { name: '  ', email: 'not-an-email', tags: [''] });
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'email',
      'name',
      'tags.0',
    ]);
    const badLog = await bed.fail(contactsLogInteraction, {
      contactId: contact.id,
      channel: 'fax',
      summary: ' ',
      happenedAt: 'yesterday',
    });
    expect(badLog.kind === 'invalid_input' && badLog.fields.map((f) => f.path).sort()).toEqual([
      'channel',
      'happenedAt',
      'summary',
    ]);
  });
});
