import { desc, eq, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idField, limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { INVOICE_STATUSES, invoiceOut, today, toInvoice } from './shape';
import { invoices } from './table';

/** `invoices.list`: invoices by status, newest first, each saying whether it is overdue. */
export const invoicesList = defineTool({
  name: 'invoices.list',
  module: 'invoices',
  description:
    'List invoices of the current space, newest first. Filter by status (overdue = sent and past its due day), client text or contact.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    status: z
      .enum([...INVOICE_STATUSES, 'overdue', 'all'])
      .default('all')
      .describe('Which invoices to list; overdue means sent and past the due day'),
    query: searchField('invoice number, client name and client email').optional(),
    contactId: idField('contact').optional().describe('Only invoices for this contact'),
    limit: limitField(),
  }),
  output: z.object({ invoices: z.array(invoiceOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const todayIs = today(ctx.now());
    const where: SQL[] = [];
    if (input.status === 'overdue') {
      where.push(eq(invoices.status, 'sent'), lt(invoices.dueOn, todayIs));
    } else if (input.status !== 'all') {
      where.push(eq(invoices.status, input.status));
    }
    if (input.contactId) where.push(eq(invoices.contactId, input.contactId));
    if (input.query) {
      where.push(
        textMatch(input.query, invoices.number, invoices.clientName, invoices.clientEmail),
      );
    }
    const rows = await ctx.db
      .select()
      .from(invoices)
      .where(inSpace(invoices, ctx, ...where))
      .orderBy(desc(invoices.issuedOn), desc(invoices.createdAt), desc(invoices.number))
      .limit(input.limit);
    return { invoices: rows.map((row) => toInvoice(row, todayIs)), count: rows.length };
  },
});
