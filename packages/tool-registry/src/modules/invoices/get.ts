import { z } from 'zod';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { findInvoice } from './find-invoice';
import { invoiceOut, today, toInvoice } from './shape';

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
    invoice: toInvoice(await findInvoice(id, ctx), today(ctx.now())),
  }),
});
