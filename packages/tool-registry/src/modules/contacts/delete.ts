import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { contacts } from './table';

/** `contacts.delete`: removes a contact and its interactions for good. */
export const contactsDelete = defineTool({
  name: 'contacts.delete',
  module: 'contacts',
  description:
    'Delete a contact and its logged interactions for good. Invoices for the contact keep their client details.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('contact') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(contacts)
      .where(and(eq(contacts.id, id), eq(contacts.spaceId, ctx.spaceId)))
      .returning({ id: contacts.id });
    if (rows.length === 0) throw notFound('contact', id);
    return { deleted: true as const, id };
  },
});
