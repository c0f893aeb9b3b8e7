import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids, instant } from './flow-context';

/**
 * The invoices module through the gateway:
 * create → list → get → update → send → mark_paid → void.
 */
export function invoicesFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('create → list → get → update → send → mark_paid → void', async () => {
    const { contact } = await call<{ contact: Item }>('contacts.create', {
      name: 'Weber GmbH',
      email: 'buchhaltung@weber.example',
    });
    const year = day().slice(0, 4);
    const { invoice: weber } = await call<{ invoice: Item }>('invoices.create', {
      clientName: 'Weber GmbH',
      clientEmail: 'buchhaltung@weber.example',
      contactId: contact.id,
      lines: [
        { description: 'Consulting, November', quantity: 10, unitPriceCents: 9500 },
        { description: 'Travel', quantity: 1, unitPriceCents: 12050 },
      ],
      issuedOn: day(),
      dueInDays: 14,
      notes: 'IBAN DE00 1234',
    });
    expect(weber).toMatchObject({
      number: `INV-${year}-0001`,
      totalCents: 107050,
      currency: 'EUR',
      issuedOn: day(),
      dueOn: day(14),
      status: 'draft',
      overdue: false,
    });
    expect(await stored('invoices', weber.id)).toMatchObject({
      ...mine(),
      number: `INV-${year}-0001`,
      client_name: 'Weber GmbH',
      contact_id: contact.id,
      total_cents: 107050,
      lines: weber.lines,
      due_on: day(14),
      status: 'draft',
    });
    const { invoice: acme } = await call<{ invoice: Item }>('invoices.create', {
      clientName: 'Acme Ltd',
      currency: 'USD',
      lines: [{ description: 'Logo design', quantity: 2.5, unitPriceCents: 8000 }],
    });
    expect(acme).toMatchObject({ number: `INV-${year}-0002`, totalCents: 20000 });

    const all = await call<{ invoices: Item[]; count: number }>('invoices.list', {});
    expect(ids(all.invoices).sort()).toEqual([weber.id, acme.id].sort());
    const forContact = await call<{ invoices: Item[] }>('invoices.list', {
      contactId: contact.id,
    });
    expect(ids(forContact.invoices)).toEqual([weber.id]);
    const searched = await call<{ invoices: Item[] }>('invoices.list', { query: 'acme' });
    expect(ids(searched.invoices)).toEqual([acme.id]);
    expect((await call<{ invoice: Item }>('invoices.get', { id: weber.id })).invoice).toEqual(
      weber,
    );

    const lines = [{ description: 'Consulting, November', quantity: 12, unitPriceCents: 9500 }];
    const edited = await call<{ invoice: Item }>('invoices.update', {
      id: weber.id,
      lines,
      notes: null,
    });
    expect(edited.invoice).toMatchObject({ lines, totalCents: 114000, notes: null });
    expect(await stored('invoices', weber.id)).toMatchObject({
      lines,
      total_cents: 114000,
      notes: null,
    });

    const sent = await call<{ invoice: Item; alreadySent: boolean }>('invoices.send', {
      id: weber.id,
    });
    expect(sent).toMatchObject({ alreadySent: false, invoice: { status: 'sent' } });
    expect(instant((await stored('invoices', weber.id)).sent_at)).toBe(sent.invoice.sentAt);

    const paid = await call<{ invoice: Item; alreadyPaid: boolean }>('invoices.mark_paid', {
      id: weber.id,
    });
    expect(paid).toMatchObject({ alreadyPaid: false, invoice: { status: 'paid' } });
    const paidRow = await stored('invoices', weber.id);
    expect(paidRow.status).toBe('paid');
    expect(instant(paidRow.paid_at)).toBe(paid.invoice.paidAt);

    const voided = await call<{ invoice: Item; alreadyVoid: boolean }>('invoices.void', {
      id: acme.id,
    });
    expect(voided).toMatchObject({ alreadyVoid: false, invoice: { status: 'void' } });
    expect((await stored('invoices', acme.id)).status).toBe('void');
    const settled = await call<{ invoices: Item[] }>('invoices.list', { status: 'paid' });
    expect(ids(settled.invoices)).toEqual([weber.id]);
  });
}
