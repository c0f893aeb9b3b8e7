import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { invoiceOut, today, toInvoice } from './shape';
import { invoices } from './table';

/** `invoices.get`: one invoice with its lines. */
export const invoicesGet = defineTool({
  name: 'invoices.get',
  module: 'invoices',
  description: 'Show one invoice of the current space with its lines, total and status.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('invoice') }),
  output: z.object({ invoice: invoiceOut }),
  handler: async ({ id }, ctx) => ({
    invoice: toInvoice(await oneInSpace(ctx, invoices, id, 'invoice'), today(ctx.now())),
  }),
});
