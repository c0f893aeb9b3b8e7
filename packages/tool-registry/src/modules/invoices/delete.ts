import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { idInSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { invoices } from './table';

/** `invoices.delete`: removes a draft; issued invoices are voided instead. */
export const invoicesDelete = defineTool({
  name: 'invoices.delete',
  module: 'invoices',
  description:
    'Delete a draft invoice for good. Sent, paid or void invoices stay on record (void a sent one instead).',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('invoice') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(invoices)
      .where(idInSpace(invoices, ctx, id, eq(invoices.status, 'draft')))
      .returning({ id: invoices.id });
    if (rows.length === 0) {
      const existing = await oneInSpace(ctx, invoices, id, 'invoice');
      throw new ToolError(
        'INVALID_STATE',
        `Invoice ${existing.number} is ${existing.status}; only drafts can be deleted`,
      );
    }
    return { deleted: true as const, id };
  },
});
