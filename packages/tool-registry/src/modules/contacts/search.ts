import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { likePattern, limitField, searchField } from '../../fields';
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
    const where: SQL[] = [eq(contacts.spaceId, ctx.spaceId)];
    if (input.tag) where.push(sql`${input.tag} = any(${contacts.tags})`);
    if (input.query) {
      const pattern = likePattern(input.query);
      where.push(
        or(
          ilike(contacts.name, pattern),
          ilike(contacts.email, pattern),
          ilike(contacts.company, pattern),
        ) as SQL,
      );
    }
    const rows = await ctx.db
      .select()
      .from(contacts)
      .where(and(...where))
      .orderBy(sql`lower(${contacts.name})`, asc(contacts.name), asc(contacts.id))
      .limit(input.limit);
    return { contacts: rows.map(toContact), count: rows.length };
  },
});
