import { z } from 'zod';
import { iso, isoOut, textField, titleField } from '../../fields';
import type { journalEntries } from './table';

/** A journal entry as tools return it. */
export const entryOut = z.object({
  id: z.string(),
  entryDate: z.string().describe('The day the entry is about, YYYY-MM-DD'),
  title: z.string().nullable(),
  body: z.string(),
  tags: z.array(z.string()),
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const bodyField = () => textField('What happened and how it felt').trim().min(1);
export const entryTitleField = () => titleField('A short headline for the entry');

/** Maps a row to {@link entryOut}. */
export function toEntry(row: typeof journalEntries.$inferSelect): z.input<typeof entryOut> {
  return {
    id: row.id,
    entryDate: row.entryDate,
    title: row.title,
    body: row.body,
    tags: row.tags,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
