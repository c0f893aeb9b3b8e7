import { z } from 'zod';
import { iso, isoOut } from '../../fields';
import type { invoices } from './table';

export const INVOICE_STATUSES = ['draft', 'sent', 'paid', 'void'] as const;

/** One line of an invoice as tools take and return it. */
export const invoiceLineIn = z.object({
  description: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe('What is billed, e.g. "Consulting, November"'),
  quantity: z.number().positive().max(1_000_000).describe('How many units (hours, pieces…), > 0'),
  unitPriceCents: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000)
    .describe('Price of one unit in cents, e.g. 9500 for 95.00'),
});

/** An invoice as tools return it; `overdue` is derived from the status and today. */
export const invoiceOut = z.object({
  id: z.string(),
  number: z.string(),
  clientName: z.string(),
  clientEmail: z.string().nullable(),
  contactId: z.string().nullable(),
  currency: z.string(),
  lines: z.array(
    z.object({ description: z.string(), quantity: z.number(), unitPriceCents: z.number() }),
  ),
  totalCents: z.number().int(),
  issuedOn: z.string().describe('YYYY-MM-DD'),
  dueOn: z.string().describe('YYYY-MM-DD'),
  status: z.enum(INVOICE_STATUSES),
  overdue: z.boolean().describe('Sent, not paid, and past its due day'),
  sentAt: isoOut.nullable(),
  paidAt: isoOut.nullable(),
  notes: z.string().nullable(),
  createdAt: isoOut,
  updatedAt: isoOut,
});

/** Today's calendar day (UTC) of the call, `YYYY-MM-DD`. */
export const today = (now: Date) => now.toISOString().slice(0, 10);

/** Maps a row to {@link invoiceOut}; `today` decides whether a sent invoice is overdue. */
export function toInvoice(
  row: typeof invoices.$inferSelect,
  todayIs: string,
): z.input<typeof invoiceOut> {
  return {
    id: row.id,
    number: row.number,
    clientName: row.clientName,
    clientEmail: row.clientEmail,
    contactId: row.contactId,
    currency: row.currency,
    lines: row.lines,
    totalCents: row.totalCents,
    issuedOn: row.issuedOn,
    dueOn: row.dueOn,
    status: row.status,
    overdue: row.status === 'sent' && row.dueOn < todayIs,
    sentAt: iso(row.sentAt),
    paidAt: iso(row.paidAt),
    notes: row.notes,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
