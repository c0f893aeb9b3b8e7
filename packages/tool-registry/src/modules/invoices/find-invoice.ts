import { and, eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { ToolContext } from '../../tool-spec';
import { invoices } from './table';

/** Where-clause for one invoice of the caller's space. */
export const invoiceWhere = (id: string, ctx: ToolContext) =>
  and(eq(invoices.id, id), eq(invoices.spaceId, ctx.spaceId));

/** Loads one invoice of the caller's space, or fails with NOT_FOUND. */
export async function findInvoice(id: string, ctx: ToolContext) {
  const [row] = await ctx.db.select().from(invoices).where(invoiceWhere(id, ctx));
  if (!row) throw notFound('invoice', id);
  return row;
}
