import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateField, idField, textField } from '../../fields';
import { inSpace, oneInSpace } from '../../space-scope';
import { defineTool, type ToolContext } from '../../tool-spec';
import { contacts } from '../contacts/table';
import { checkDueOn, totalOf } from './invoice-rules';
import { invoiceLineIn, invoiceOut, today, toInvoice } from './shape';
import { invoices } from './table';

const DAY = 24 * 60 * 60_000;

/** `invoices.create`: drafts a numbered invoice with its total computed from the lines. */
export const invoicesCreate = defineTool({
  name: 'invoices.create',
  module: 'invoices',
  description:
    'Draft an invoice to a client in the current space. The total is computed from the lines; the number is assigned as INV-<year>-<sequence> unless given. Due in 14 days unless dueOn or dueInDays says otherwise.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    clientName: z.string().trim().min(1).max(200).describe('Who is billed, e.g. "Weber GmbH"'),
    clientEmail: z.email().max(320).optional().describe('Where the invoice goes'),
    contactId: idField('contact this invoice is for').optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Use a 3-letter currency code in capitals, e.g. EUR')
      .default('EUR')
      .describe('ISO 4217 currency code, e.g. EUR, USD, CHF'),
    lines: z.array(invoiceLineIn).min(1).max(100).describe('What is billed; at least one line'),
    issuedOn: dateField('The invoice date (default: today)').optional(),
    dueOn: dateField('The day payment is due; use instead of dueInDays').optional(),
    dueInDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .optional()
      .describe('Days after issuedOn payment is due (default 14); use instead of dueOn'),
    number: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .describe('Invoice number; leave out to get the next INV-<year>-<sequence>'),
    notes: textField('Note printed on the invoice, e.g. payment details', 5000).optional(),
  }),
  output: z.object({ invoice: invoiceOut }),
  checks: {
    checks: [
      {
        read: 'invoices.get',
        input: { id: '$output.invoice.id' },
        find: { item: 'invoice' },
        expect: {
          number: '$output.invoice.number',
          clientName: '$input.clientName',
          clientEmail: '$output.invoice.clientEmail',
          contactId: '$output.invoice.contactId',
          currency: '$output.invoice.currency',
          lines: '$output.invoice.lines',
          totalCents: '$output.invoice.totalCents',
          issuedOn: '$output.invoice.issuedOn',
          dueOn: '$output.invoice.dueOn',
          notes: '$output.invoice.notes',
          status: 'draft',
        },
      },
      {
        read: 'invoices.list',
        input: { status: 'draft', query: '$output.invoice.number', limit: 100 },
        find: { list: 'invoices', where: { id: '$output.invoice.id' } },
        expect: { number: '$output.invoice.number', totalCents: '$output.invoice.totalCents' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const now = ctx.now();
    const issuedOn = input.issuedOn ?? today(now);
    if (input.dueOn !== undefined && input.dueInDays !== undefined) {
      throw new ToolError('INVALID_INPUT', 'Give either dueOn or dueInDays, not both');
    }
    const dueOn =
      input.dueOn ??
      today(new Date(Date.parse(`${issuedOn}T00:00:00Z`) + (input.dueInDays ?? 14) * DAY));
    checkDueOn(issuedOn, dueOn);
    const totalCents = totalOf(input.lines);
    if (input.contactId) await oneInSpace(ctx, contacts, input.contactId, 'contact');
    const number = input.number ?? (await nextNumber(ctx, issuedOn.slice(0, 4)));
    const [row] = await ctx.db
      .insert(invoices)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        number,
        clientName: input.clientName,
        clientEmail: input.clientEmail ?? null,
        contactId: input.contactId ?? null,
        currency: input.currency,
        lines: input.lines,
        totalCents,
        issuedOn,
        dueOn,
        notes: input.notes ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [invoices.spaceId, invoices.number] })
      .returning();
    if (!row) {
      throw new ToolError(
        'CONFLICT',
        input.number
          ? `An invoice numbered ${number} already exists in this space`
          : `Invoice number ${number} was just taken; try again`,
      );
    }
    return { invoice: toInvoice(row, today(now)) };
  },
});

/** The next `INV-<year>-NNNN` of a space: one past the highest of that year. */
async function nextNumber(ctx: ToolContext, year: string): Promise<string> {
  const prefix = `INV-${year}-`;
  const [result] = await ctx.db
    .select({
      max: sql<number | null>`max(cast(split_part(${invoices.number}, '-', 3) as integer))`,
    })
    .from(invoices)
    .where(inSpace(invoices, ctx, sql`${invoices.number} ~ ${`^INV-${year}-[0-9]{1,9}$`}`));
  const next = Number(result?.max ?? 0) + 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}
