import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { dateTimeField, idField, textField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { CHANNELS, contactOut, interactionOut, toContact, toInteraction } from './shape';
import { contactInteractions, contacts } from './table';

/** `contacts.log_interaction`: records a call, mail or meeting with a contact. */
export const contactsLogInteraction = defineTool({
  name: 'contacts.log_interaction',
  module: 'contacts',
  description:
    'Record that you were in touch with a contact (call, email, meeting, message…) and what it was about. Updates when you last contacted them.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    contactId: idField('contact'),
    channel: z.enum(CHANNELS).describe('How you were in touch'),
    summary: textField('What it was about', 5000).trim().min(1),
    happenedAt: dateTimeField('When it happened (default: now)').optional(),
  }),
  output: z.object({ interaction: interactionOut, contact: contactOut }),
  checks: {
    checks: [
      {
        read: 'contacts.get',
        input: { id: '$input.contactId' },
        find: { list: 'recentInteractions', where: { id: '$output.interaction.id' } },
        expect: {
          channel: '$input.channel',
          summary: '$input.summary',
          happenedAt: '$output.interaction.happenedAt',
        },
      },
      {
        read: 'contacts.get',
        input: { id: '$input.contactId' },
        find: { item: 'contact' },
        expect: { lastContactedAt: '$output.contact.lastContactedAt' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const now = ctx.now();
    const happenedAt = input.happenedAt ? new Date(input.happenedAt) : now;
    // greatest() skips nulls, so a first interaction sets the value and an older one keeps it.
    const contact = await updateInSpace(ctx, contacts, input.contactId, 'contact', {
      lastContactedAt: sql`greatest(${contacts.lastContactedAt}, ${happenedAt.toISOString()}::timestamptz)`,
      updatedAt: now,
    });
    const [row] = await ctx.db
      .insert(contactInteractions)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        contactId: contact.id,
        channel: input.channel,
        summary: input.summary,
        happenedAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { interaction: toInteraction(row), contact: toContact(contact) };
  },
});
