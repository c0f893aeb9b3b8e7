import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateField, idField, textField } from '../../fields';
import { idInSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { contacts } from '../contacts/table';
import { checkDueOn, totalOf } from './invoice-rules';
import { invoiceLineIn, invoiceOut, today, toInvoice } from './shape';
import { invoices } from './table';

/** `invoices.update`: edits a draft; the total follows the lines. */
export const invoicesUpdate = defineTool({
  name: 'invoices.update',
  module: 'invoices',
  description:
    'Change a draft invoice: client, currency, lines (replacing all of them), dates or notes. Only the given fields change; the total is recomputed. Sent, paid or void invoices cannot be edited.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('invoice'),
    clientName: z.string().trim().min(1).max(200).optional().describe('Who is billed'),
    clientEmail: z
      .email()
      .max(320)
      .nullable()
      .optional()
      .describe('Where the invoice goes; null clears it'),
    contactId: idField('contact')
      .nullable()
      .optional()
      .describe('Id of the contact this invoice is for; null unlinks it'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Use a 3-letter currency code in capitals, e.g. EUR')
      .optional()
      .describe('ISO 4217 currency code, e.g. EUR'),
    lines: z
      .array(invoiceLineIn)
      .min(1)
      .max(100)
      .optional()
      .describe('All lines, replacing the old ones'),
    issuedOn: dateField('The invoice date').optional(),
    dueOn: dateField('The day payment is due').optional(),
    notes: textField('Note printed on the invoice', 5000)
      .nullable()
      .optional()
      .describe('Note printed on the invoice; null clears it'),
  }),
  output: z.object({ invoice: invoiceOut }),
  checks: {
    checks: [
      {
        read: 'invoices.get',
        input: { id: '$output.invoice.id' },
        find: { item: 'invoice' },
        expect: {
          clientName: '$output.invoice.clientName',
          clientEmail: '$output.invoice.clientEmail',
          contactId: '$output.invoice.contactId',
          currency: '$output.invoice.currency',
          lines: '$output.invoice.lines',
          totalCents: '$output.invoice.totalCents',
          issuedOn: '$output.invoice.issuedOn',
          dueOn: '$output.invoice.dueOn',
          notes: '$output.invoice.notes',
        },
      },
      {
        read: 'invoices.list',
        input: { status: 'draft', query: '$output.invoice.number', limit: 100 },
        find: { list: 'invoices', where: { id: '$output.invoice.id' } },
        expect: {
          clientName: '$output.invoice.clientName',
          totalCents: '$output.invoice.totalCents',
        },
      },
    ],
  },
  handler: async ({ id, lines, ...changes }, ctx) => {
    const existing = await oneInSpace(ctx, invoices, id, 'invoice');
    if (existing.status !== 'draft') {
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} is ${existing.status}; only drafts can be edited (void it and write a new one)`,
      );
    }
    checkDueOn(changes.issuedOn ?? existing.issuedOn, changes.dueOn ?? existing.dueOn);
    const totals = lines ? { lines, totalCents: totalOf(lines) } : {};
    if (changes.contactId) await oneInSpace(ctx, contacts, changes.contactId, 'contact');
    const now = ctx.now();
    const [row] = await ctx.db
      .update(invoices)
      .set({ ...changes, ...totals, updatedAt: now })
      .where(idInSpace(invoices, ctx, id, eq(invoices.status, 'draft')))
      .returning();
    if (!row)
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} changed meanwhile; look again`,
      );
    return { invoice: toInvoice(row, today(now)) };
  },
});
