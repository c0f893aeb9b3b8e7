import { z } from 'zod';
import { iso, isoOut, tagsField, textField, titleField } from '../../fields';
import type { notes } from './table';

/** A note as tools return it. */
export const noteOut = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  pinned: z.boolean(),
  archived: z.boolean(),
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const noteTitleField = () => titleField('A short title for the note');
export const noteBodyField = () => textField('The text of the note (plain text or Markdown)');
export const noteTagsField = () => tagsField();

/** Maps a row to {@link noteOut}. */
export function toNote(row: typeof notes.$inferSelect): z.input<typeof noteOut> {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    tags: row.tags,
    pinned: row.pinned,
    archived: row.archived,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
