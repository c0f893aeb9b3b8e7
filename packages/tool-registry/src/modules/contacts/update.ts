import { z } from 'zod';
import { idField, tagsField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { contactFields, contactOut, toContact } from './shape';
import { contacts } from './table';

/** `contacts.update`: changes the given fields of a contact. */
export const contactsUpdate = defineTool({
  name: 'contacts.update',
  module: 'contacts',
  description:
    'Change a contact’s name, email, phone, company, role, notes or tags. Only the given fields change; null clears an optional field.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('contact'),
    name: contactFields.name().optional(),
    email: contactFields.email().nullable().optional().describe('Email address; null clears it'),
    phone: contactFields.phone().nullable().optional().describe('Phone number; null clears it'),
    company: contactFields
      .company()
      .nullable()
      .optional()
      .describe('Company or organisation; null clears it'),
    role: contactFields
      .role()
      .nullable()
      .optional()
      .describe('Job title or relation; null clears it'),
    notes: contactFields
      .notes()
      .nullable()
      .optional()
      .describe('Notes about them; null clears them'),
    tags: tagsField().optional(),
  }),
  output: z.object({ contact: contactOut }),
  checks: {
    checks: [
      {
        read: 'contacts.get',
        input: { id: '$output.contact.id' },
        find: { item: 'contact' },
        expect: {
          name: '$output.contact.name',
          email: '$output.contact.email',
          phone: '$output.contact.phone',
          company: '$output.contact.company',
          role: '$output.contact.role',
          notes: '$output.contact.notes',
          tags: '$output.contact.tags',
        },
      },
      {
        read: 'contacts.search',
        input: { query: '$output.contact.name', limit: 100 },
        find: { list: 'contacts', where: { id: '$output.contact.id' } },
        expect: { name: '$output.contact.name', email: '$output.contact.email' },
      },
    ],
  },
  handler: async ({ id, ...changes }, ctx) => {
    const row = await updateInSpace(ctx, contacts, id, 'contact', {
      ...changes,
      updatedAt: ctx.now(),
    });
    return { contact: toContact(row) };
  },
});
