import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
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
  handler: ({ id }, ctx) => deleteInSpace(ctx, contacts, id, 'contact'),
});
