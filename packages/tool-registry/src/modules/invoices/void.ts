import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { idInSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { invoiceOut, today, toInvoice } from './shape';
import { invoices } from './table';

/** `invoices.void`: cancels a draft or sent invoice, keeping its number used. */
export const invoicesVoid = defineTool({
  name: 'invoices.void',
  module: 'invoices',
  description:
    'Void a draft or sent invoice: it stays on record with its number but is no longer owed. A paid invoice cannot be voided; voiding twice says so.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('invoice') }),
  output: z.object({ invoice: invoiceOut, alreadyVoid: z.boolean() }),
  checks: {
    checks: [
      {
        read: 'invoices.get',
        input: { id: '$output.invoice.id' },
        find: { item: 'invoice' },
        expect: { status: 'void' },
      },
      {
        read: 'invoices.list',
        input: { status: 'void', query: '$output.invoice.number', limit: 100 },
        find: { list: 'invoices', where: { id: '$output.invoice.id' } },
        expect: { status: 'void' },
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const now = ctx.now();
    const existing = await oneInSpace(ctx, invoices, id, 'invoice');
    if (existing.status === 'void') {
      return { invoice: toInvoice(existing, today(now)), alreadyVoid: true };
    }
    if (existing.status === 'paid') {
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} is paid and cannot be voided`,
      );
    }
    const [row] = await ctx.db
      .update(invoices)
      .set({ status: 'void', updatedAt: now })
      .where(idInSpace(invoices, ctx, id, inArray(invoices.status, ['draft', 'sent'])))
      .returning();
    if (!row)
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} changed meanwhile; look again`,
      );
    return { invoice: toInvoice(row, today(now)), alreadyVoid: false };
  },
});
