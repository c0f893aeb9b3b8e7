import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { idInSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { invoiceOut, today, toInvoice } from './shape';
import { invoices } from './table';

/** `invoices.send`: marks a draft as sent to the client. */
export const invoicesSend = defineTool({
  name: 'invoices.send',
  module: 'invoices',
  description:
    'Mark a draft invoice as sent to the client (records when). Sending a sent invoice again changes nothing and says so.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('invoice') }),
  output: z.object({ invoice: invoiceOut, alreadySent: z.boolean() }),
  checks: {
    checks: [
      {
        read: 'invoices.get',
        input: { id: '$output.invoice.id' },
        find: { item: 'invoice' },
        expect: { status: 'sent', sentAt: '$output.invoice.sentAt' },
      },
      {
        read: 'invoices.list',
        input: { status: 'sent', query: '$output.invoice.number', limit: 100 },
        find: { list: 'invoices', where: { id: '$output.invoice.id' } },
        expect: { status: 'sent' },
      },
      {
        read: 'invoices.list',
        input: { status: 'draft', query: '$output.invoice.number', limit: 100 },
        find: { list: 'invoices', where: { id: '$output.invoice.id' } },
        absent: true,
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const now = ctx.now();
    const existing = await oneInSpace(ctx, invoices, id, 'invoice');
    if (existing.status === 'sent') {
      return { invoice: toInvoice(existing, today(now)), alreadySent: true };
    }
    if (existing.status !== 'draft') {
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} is ${existing.status}; only a draft can be sent`,
      );
    }
    const [row] = await ctx.db
      .update(invoices)
      .set({ status: 'sent', sentAt: now, updatedAt: now })
      .where(idInSpace(invoices, ctx, id, eq(invoices.status, 'draft')))
      .returning();
    if (!row)
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} changed meanwhile; look again`,
      );
    return { invoice: toInvoice(row, today(now)), alreadySent: false };
  },
});
