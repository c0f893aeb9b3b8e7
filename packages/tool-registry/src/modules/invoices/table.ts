import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';
import { contacts } from '../contacts/table';

/** One line of an invoice; amounts in the smallest currency unit (cents). */
export interface InvoiceLine {
  description: string;
  quantity: number;
  unitPriceCents: number;
}

/** Invoices: a numbered bill to a client that goes draft → sent → paid (or void). */
export const invoices = appSchema.table(
  'invoices',
  {
    ...spaceRowColumns(),
    number: text('number').notNull(),
    clientName: text('client_name').notNull(),
    clientEmail: text('client_email'),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    currency: text('currency').default('EUR').notNull(),
    lines: jsonb('lines').$type<InvoiceLine[]>().notNull(),
    totalCents: integer('total_cents').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<'draft' | 'sent' | 'paid' | 'void'>().default('draft').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    notes: text('notes'),
  },
  (t) => [
    check('invoices_status_check', sql`${t.status} in ('draft', 'sent', 'paid', 'void')`),
    check('invoices_total_check', sql`${t.totalCents} >= 0`),
    uniqueIndex('invoices_space_number_idx').on(t.spaceId, t.number),
    index('invoices_space_status_idx').on(t.spaceId, t.status, t.dueOn),
  ],
);
