import { asc, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { contactOut, toContact } from './shape';
import { contacts } from './table';

/** `contacts.search`: finds contacts by text or tag, alphabetically. */
export const contactsSearch = defineTool({
  name: 'contacts.search',
  module: 'contacts',
  description:
    'Find contacts of the current space by name, email or company, or by tag, ordered by name. Without filters it lists all contacts.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    query: searchField('name, email and company').optional(),
    tag: z.string().trim().min(1).max(40).optional().describe('Only contacts with this tag'),
    limit: limitField(),
  }),
  output: z.object({ contacts: z.array(contactOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const where: SQL[] = [];
    if (input.tag) where.push(sql`${input.tag} = any(${contacts.tags})`);
    if (input.query) {
      where.push(textMatch(input.query, contacts.name, contacts.email, contacts.company));
    }
    const rows = await ctx.db
      .select()
      .from(contacts)
      .where(inSpace(contacts, ctx, ...where))
      .orderBy(sql`lower(${contacts.name})`, asc(contacts.name), asc(contacts.id))
      .limit(input.limit);
    return { contacts: rows.map(toContact), count: rows.length };
  },
});
