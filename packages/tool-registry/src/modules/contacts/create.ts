import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tagsField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { contactFields, contactOut, toContact } from './shape';
import { contacts } from './table';

/** `contacts.create`: adds a person to the current space's contacts. */
export const contactsCreate = defineTool({
  name: 'contacts.create',
  module: 'contacts',
  description:
    'Add a person to the contacts of the current space. Returns the contact with its id.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    name: contactFields.name(),
    email: contactFields.email().optional(),
    phone: contactFields.phone().optional(),
    company: contactFields.company().optional(),
    role: contactFields.role().optional(),
    notes: contactFields.notes().optional(),
    tags: tagsField().default([]),
  }),
  output: z.object({ contact: contactOut }),
  checks: {
    checks: [
      {
        read: 'contacts.get',
        input: { id: '$output.contact.id' },
        find: { item: 'contact' },
        expect: {
          name: '$input.name',
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
  handler: async (input, ctx) => {
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(contacts)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        company: input.company ?? null,
        role: input.role ?? null,
        notes: input.notes ?? null,
        tags: input.tags,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { contact: toContact(row) };
  },
});
