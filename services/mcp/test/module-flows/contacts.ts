import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids, instant } from './flow-context';

/** The contacts module through the gateway: create → search → update → log_interaction → get. */
export function contactsFlow(ctx: FlowContext): void {
  const { call, stored, mine } = ctx;

  it('create → search → update → log_interaction → get', async () => {
    const { contact: clara } = await call<{ contact: Item }>('contacts.create', {
      name: 'Clara Weber',
      email: 'clara@northwind.example',
      phone: '+49 30 1234567',
      company: 'Northwind',
      role: 'CFO',
      tags: ['investor'],
    });
    expect(clara).toMatchObject({ company: 'Northwind', lastContactedAt: null });
    expect(await stored('contacts', clara.id)).toMatchObject({
      ...mine(),
      name: 'Clara Weber',
      email: 'clara@northwind.example',
      phone: '+49 30 1234567',
      company: 'Northwind',
      role: 'CFO',
      tags: ['investor'],
      last_contacted_at: null,
    });
    const { contact: ben } = await call<{ contact: Item }>('contacts.create', {
      name: 'Ben Okafor',
      company: 'Acme',
    });

    const everyone = await call<{ contacts: Item[]; count: number }>('contacts.search', {});
    expect(ids(everyone.contacts)).toEqual([ben.id, clara.id]);
    const byCompany = await call<{ contacts: Item[] }>('contacts.search', { query: 'NORTHWIND' });
    expect(ids(byCompany.contacts)).toEqual([clara.id]);
    const byTag = await call<{ contacts: Item[] }>('contacts.search', { tag: 'investor' });
    expect(ids(byTag.contacts)).toEqual([clara.id]);

    const promoted = await call<{ contact: Item }>('contacts.update', {
      id: clara.id,
      role: 'CEO',
      phone: null,
    });
    expect(promoted.contact).toMatchObject({ role: 'CEO', phone: null, company: 'Northwind' });
    expect(await stored('contacts', clara.id)).toMatchObject({ role: 'CEO', phone: null });

    const happenedAt = new Date(Date.now() - 2 * 60 * 60_000).toISOString();
    const logged = await call<{ interaction: Item; contact: Item }>('contacts.log_interaction', {
      contactId: clara.id,
      channel: 'call',
      summary: 'Q3-Zahlen besprochen',
      happenedAt,
    });
    expect(logged.interaction).toMatchObject({
      contactId: clara.id,
      channel: 'call',
      happenedAt,
    });
    expect(logged.contact.lastContactedAt).toBe(happenedAt);
    expect(await stored('contact_interactions', logged.interaction.id)).toMatchObject({
      ...mine(),
      contact_id: clara.id,
      channel: 'call',
      summary: 'Q3-Zahlen besprochen',
    });
    expect(instant((await stored('contacts', clara.id)).last_contacted_at)).toBe(happenedAt);

    const got = await call<{ contact: Item; recentInteractions: Item[] }>('contacts.get', {
      id: clara.id,
    });
    expect(got.contact).toMatchObject({ role: 'CEO', lastContactedAt: happenedAt });
    expect(got.recentInteractions).toEqual([logged.interaction]);
  });
}
