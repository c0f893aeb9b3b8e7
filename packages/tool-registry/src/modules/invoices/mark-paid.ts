import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { idInSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { invoiceOut, today, toInvoice } from './shape';
import { invoices } from './table';

/** `invoices.mark_paid`: records the payment of a sent invoice. */
export const invoicesMarkPaid = defineTool({
  name: 'invoices.mark_paid',
  module: 'invoices',
  description:
    'Record that a sent invoice has been paid. A draft must be sent first and a void invoice cannot be paid; an invoice already paid keeps its payment time.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('invoice') }),
  output: z.object({ invoice: invoiceOut, alreadyPaid: z.boolean() }),
  checks: {
    checks: [
      {
        read: 'invoices.get',
        input: { id: '$output.invoice.id' },
        find: { item: 'invoice' },
        expect: { status: 'paid', paidAt: '$output.invoice.paidAt' },
      },
      {
        read: 'invoices.list',
        input: { status: 'paid', query: '$output.invoice.number', limit: 100 },
        find: { list: 'invoices', where: { id: '$output.invoice.id' } },
        expect: { status: 'paid' },
      },
      {
        read: 'invoices.list',
        input: { status: 'sent', query: '$output.invoice.number', limit: 100 },
        find: { list: 'invoices', where: { id: '$output.invoice.id' } },
        absent: true,
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const now = ctx.now();
    const existing = await oneInSpace(ctx, invoices, id, 'invoice');
    if (existing.status === 'paid') {
      return { invoice: toInvoice(existing, today(now)), alreadyPaid: true };
    }
    if (existing.status === 'draft') {
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} is still a draft; send it before marking it paid`,
      );
    }
    if (existing.status === 'void') {
      throw new ToolError('INVALID_STATE', `Invoice ${existing.number} is void and cannot be paid`);
    }
    const [row] = await ctx.db
      .update(invoices)
      .set({ status: 'paid', paidAt: now, updatedAt: now })
      .where(idInSpace(invoices, ctx, id, eq(invoices.status, 'sent')))
      .returning();
    if (!row)
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} changed meanwhile; look again`,
      );
    return { invoice: toInvoice(row, today(now)), alreadyPaid: false };
  },
});
