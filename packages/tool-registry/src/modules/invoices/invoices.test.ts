import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { contactsCreate } from '../contacts/create';
import { invoicesCreate } from './create';
import { invoicesDelete } from './delete';
import { invoicesGet } from './get';
import { invoicesList } from './list';
import { invoicesMarkPaid } from './mark-paid';
import { invoicesSend } from './send';
import { invoices } from './table';
import { invoicesUpdate } from './update';
import { invoicesVoid } from './void';

const consulting = [{ description: 'Consulting', quantity: 2, unitPriceCents: 10_000 }];
const numbers = (out: { invoices: { number: string }[] }) => out.invoices.map((i) => i.number);

describe('invoices module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  const stored = async (id: string) =>
    (await bed.db.select().from(invoices).where(eq(invoices.id, id)))[0];

  it('drafts an invoice with a computed total, a default due day and the next number', async () => {
    const { contact } = await bed.call(contactsCreate, { name: 'Anna Weber' });
    const { invoice } = await bed.call(invoicesCreate, {
      clientName: 'Weber GmbH',
      clientEmail: 'billing@weber.example',
      contactId: contact.id,
      lines: [
        { description: 'Workshop', quantity: 1.5, unitPriceCents: 9500 },
        { description: 'Travel', quantity: 2, unitPriceCents: 1000 },
      ],
      notes: 'Payable by bank transfer',
    });
    expect(invoice).toMatchObject({
      number: 'INV-2026-0001',
      clientName: 'Weber GmbH',
      contactId: contact.id,
      currency: 'EUR',
      totalCents: 16_250,
      issuedOn: '2026-11-25',
      dueOn: '2026-12-09',
      status: 'draft',
      overdue: false,
      sentAt: null,
      paidAt: null,
    });
    const row = await stored(invoice.id);
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      number: 'INV-2026-0001',
      totalCents: 16_250,
      dueOn: '2026-12-09',
      lines: [
        { description: 'Workshop', quantity: 1.5, unitPriceCents: 9500 },
        { description: 'Travel', quantity: 2, unitPriceCents: 1000 },
      ],
    });

    const second = await bed.call(invoicesCreate, {
      clientName: 'Krause',
      currency: 'CHF',
      lines: consulting,
      dueInDays: 30,
    });
    expect(second.invoice).toMatchObject({
      number: 'INV-2026-0002',
      currency: 'CHF',
      totalCents: 20_000,
      dueOn: '2026-12-25',
    });
    const manual = await bed.call(invoicesCreate, {
      clientName: 'Manual',
      number: 'INV-2026-0010',
      lines: consulting,
      dueOn: '2026-12-01',
    });
    expect(manual.invoice).toMatchObject({ number: 'INV-2026-0010', dueOn: '2026-12-01' });
    expect(
      (await bed.call(invoicesCreate, { clientName: 'Next', lines: consulting })).invoice.number,
    ).toBe('INV-2026-0011');
    const nextYear = await bed.call(invoicesCreate, {
      clientName: 'Early',
      issuedOn: '2027-01-02',
      lines: consulting,
    });
    expect(nextYear.invoice).toMatchObject({ number: 'INV-2027-0001', dueOn: '2027-01-16' });
    const otherSpace = await bed.call(
      invoicesCreate,
      { clientName: 'Family', lines: consulting },
      bed.b,
    );
    expect(otherSpace.invoice.number).toBe('INV-2026-0001');
  });

  it('refuses a duplicate number, a foreign contact and inconsistent dates', async () => {
    expect(
      await bed.fail(invoicesCreate, {
        clientName: 'Dup',
        number: 'INV-2026-0002',
        lines: consulting,
      }),
    ).toMatchObject({
      kind: 'tool_error',
      code: 'CONFLICT',
      message: 'An invoice numbered INV-2026-0002 already exists in this space',
    });
    const { contact } = await bed.call(contactsCreate, { name: 'Other space person' }, bed.b);
    expect(
      await bed.fail(invoicesCreate, { clientName: 'X', contactId: contact.id, lines: consulting }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      message: `No contact with id ${contact.id} in this space`,
    });
    expect(
      await bed.fail(invoicesCreate, {
        clientName: 'X',
        lines: consulting,
        dueOn: '2026-12-01',
        dueInDays: 3,
      }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      await bed.fail(invoicesCreate, { clientName: 'X', lines: consulting, dueOn: '2026-11-01' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/before the invoice date/),
    });
    const bad = await bed.fail(invoicesCreate, {
      clientName: 'X',
      currency: 'eur',
      clientEmail: 'nope',
      lines: [{ description: 'Free', quantity: 0, unitPriceCents: 12.5 }],
    });
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'clientEmail',
      'currency',
      'lines.0.quantity',
      'lines.0.unitPriceCents',
    ]);
    expect(await bed.fail(invoicesCreate, { clientName: 'X', lines: [] })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'lines' }],
    });
  });

  it('sends, pays and voids with the state rules', async () => {
    const { invoice } = await bed.call(invoicesCreate, { clientName: 'Flow', lines: consulting });
    expect(await bed.fail(invoicesMarkPaid, { id: invoice.id })).toMatchObject({
      code: 'INVALID_STATE',
      message: `Invoice ${invoice.number} is still a draft; send it before marking it paid`,
    });
    bed.setNow('2026-11-26T08:00:00Z');
    const sent = await bed.call(invoicesSend, { id: invoice.id });
    expect(sent).toMatchObject({
      alreadySent: false,
      invoice: { status: 'sent', sentAt: '2026-11-26T08:00:00.000Z' },
    });
    bed.setNow('2026-11-27T08:00:00Z');
    expect(await bed.call(invoicesSend, { id: invoice.id })).toMatchObject({
      alreadySent: true,
      invoice: { sentAt: '2026-11-26T08:00:00.000Z' },
    });
    const paid = await bed.call(invoicesMarkPaid, { id: invoice.id });
    expect(paid).toMatchObject({
      alreadyPaid: false,
      invoice: { status: 'paid', paidAt: '2026-11-27T08:00:00.000Z' },
    });
    bed.setNow('2026-11-28T08:00:00Z');
    expect(await bed.call(invoicesMarkPaid, { id: invoice.id })).toMatchObject({
      alreadyPaid: true,
      invoice: { paidAt: '2026-11-27T08:00:00.000Z' },
    });
    expect((await stored(invoice.id))?.paidAt?.toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(await bed.fail(invoicesVoid, { id: invoice.id })).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(await bed.fail(invoicesSend, { id: invoice.id })).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(await bed.fail(invoicesDelete, { id: invoice.id })).toMatchObject({
      code: 'INVALID_STATE',
      message: `Invoice ${invoice.number} is paid; only drafts can be deleted`,
    });

    const { invoice: other } = await bed.call(invoicesCreate, {
      clientName: 'Void me',
      lines: consulting,
    });
    await bed.call(invoicesSend, { id: other.id });
    expect(await bed.call(invoicesVoid, { id: other.id })).toMatchObject({
      alreadyVoid: false,
      invoice: { status: 'void' },
    });
    expect((await bed.call(invoicesVoid, { id: other.id })).alreadyVoid).toBe(true);
    expect(await bed.fail(invoicesMarkPaid, { id: other.id })).toMatchObject({
      code: 'INVALID_STATE',
      message: `Invoice ${other.number} is void and cannot be paid`,
    });
    expect((await stored(other.id))?.status).toBe('void');
  });

  it('edits drafts only and recomputes the total', async () => {
    bed.setNow('2026-11-25T09:00:00Z');
    const { invoice } = await bed.call(invoicesCreate, { clientName: 'Draft', lines: consulting });
    const { invoice: edited } = await bed.call(invoicesUpdate, {
      id: invoice.id,
      clientName: 'Draft AG',
      lines: [{ description: 'Design', quantity: 3, unitPriceCents: 5000 }],
      dueOn: '2026-12-31',
    });
    expect(edited).toMatchObject({
      clientName: 'Draft AG',
      totalCents: 15_000,
      dueOn: '2026-12-31',
    });
    expect(await stored(invoice.id)).toMatchObject({ totalCents: 15_000, clientName: 'Draft AG' });
    expect(
      await bed.fail(invoicesUpdate, { id: invoice.id, issuedOn: '2027-02-01' }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    await bed.call(invoicesSend, { id: invoice.id });
    expect(await bed.fail(invoicesUpdate, { id: invoice.id, clientName: 'Late' })).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect((await stored(invoice.id))?.clientName).toBe('Draft AG');
  });

  it('lists by status with overdue derived from today, only in its space', async () => {
    bed.setNow('2026-12-10T09:00:00Z');
    const all = await bed.call(invoicesList, {});
    expect(all.count).toBe(all.invoices.length);
    expect(numbers(all)[0]).toBe('INV-2027-0001');
    const overdue = await bed.call(invoicesList, { status: 'overdue' });
    // INV-2026-0001 is past due but still a draft; the sent "Draft AG" is due only on Dec 31.
    expect(numbers(overdue)).toEqual([]);
    const { invoice } = await bed.call(invoicesCreate, {
      clientName: 'Slow Payer',
      issuedOn: '2026-11-01',
      lines: consulting,
    });
    await bed.call(invoicesSend, { id: invoice.id });
    const late = await bed.call(invoicesList, { status: 'overdue' });
    expect(late.invoices).toMatchObject([{ id: invoice.id, overdue: true, status: 'sent' }]);
    const sent = await bed.call(invoicesList, { status: 'sent' });
    expect(sent.invoices.map((i: { overdue: boolean }) => i.overdue).sort()).toEqual([false, true]);
    expect(numbers(await bed.call(invoicesList, { status: 'paid' }))).toEqual(['INV-2026-0012']);
    expect(numbers(await bed.call(invoicesList, { status: 'void' }))).toEqual(['INV-2026-0013']);
    expect(numbers(await bed.call(invoicesList, { query: 'krause' }))).toEqual(['INV-2026-0002']);
    expect((await bed.call(invoicesGet, { id: invoice.id })).invoice.overdue).toBe(true);
    expect(numbers(await bed.call(invoicesList, {}, bed.b))).toEqual(['INV-2026-0001']);
  });

  it('cannot read or change an invoice of another space, and deletes drafts only', async () => {
    const { invoice } = await bed.call(invoicesCreate, {
      clientName: 'Private',
      lines: consulting,
    });
    for (const tool of [
      invoicesGet,
      invoicesSend,
      invoicesMarkPaid,
      invoicesVoid,
      invoicesDelete,
    ]) {
      expect(await bed.fail(tool, { id: invoice.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No invoice with id ${invoice.id} in this space`,
      });
    }
    expect(
      await bed.fail(invoicesUpdate, { id: invoice.id, clientName: 'Hijacked' }, bed.b),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await stored(invoice.id)).toMatchObject({ clientName: 'Private', status: 'draft' });

    expect(invoicesDelete.policyHint).toBe('destructive');
    expect(await bed.call(invoicesDelete, { id: invoice.id })).toEqual({
      deleted: true,
      id: invoice.id,
    });
    expect(await stored(invoice.id)).toBeUndefined();
    expect(await bed.fail(invoicesDelete, { id: invoice.id })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
