import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idField } from '../../fields';
import { inSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { contactOut, interactionOut, toContact, toInteraction } from './shape';
import { contactInteractions, contacts } from './table';

const RECENT = 10;

/** `contacts.get`: one contact with its latest interactions. */
export const contactsGet = defineTool({
  name: 'contacts.get',
  module: 'contacts',
  description: `Show one contact of the current space with its ${RECENT} most recent interactions, newest first.`,
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('contact') }),
  output: z.object({ contact: contactOut, recentInteractions: z.array(interactionOut) }),
  handler: async ({ id }, ctx) => {
    const row = await oneInSpace(ctx, contacts, id, 'contact');
    const interactions = await ctx.db
      .select()
      .from(contactInteractions)
      .where(inSpace(contactInteractions, ctx, eq(contactInteractions.contactId, id)))
      .orderBy(desc(contactInteractions.happenedAt), desc(contactInteractions.createdAt))
      .limit(RECENT);
    return { contact: toContact(row), recentInteractions: interactions.map(toInteraction) };
  },
});
