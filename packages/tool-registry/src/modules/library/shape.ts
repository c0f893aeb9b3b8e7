import { z } from 'zod';
import { iso, isoOut, textField, titleField } from '../../fields';
import type { libraryItems } from './table';

export const LIBRARY_KINDS = ['book', 'paper', 'course', 'audiobook', 'other'] as const;
export const LIBRARY_STATUSES = ['want', 'reading', 'finished', 'dropped'] as const;

/** A library item (book, paper, course…) as tools return it. */
export const libraryItemOut = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  kind: z.enum(LIBRARY_KINDS),
  status: z.enum(LIBRARY_STATUSES),
  rating: z.number().int().nullable().describe('1–5, or null if not rated'),
  notes: z.string().nullable(),
  startedOn: z.string().nullable().describe('YYYY-MM-DD or null'),
  finishedOn: z.string().nullable().describe('YYYY-MM-DD or null'),
  tags: z.array(z.string()),
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const itemTitleField = () => titleField('The title of the book, paper or course', 300);
export const authorField = () =>
  z.string().trim().min(1).max(200).describe('Who wrote or teaches it');
export const kindField = () => z.enum(LIBRARY_KINDS).describe('What sort of item it is');
export const statusField = () =>
  z
    .enum(LIBRARY_STATUSES)
    .describe('want = on the list, reading = in progress, finished = done, dropped = gave up');
export const itemNotesField = () => textField('Your notes or thoughts on it', 5000);

/** Maps a row to {@link libraryItemOut}. */
export function toLibraryItem(
  row: typeof libraryItems.$inferSelect,
): z.input<typeof libraryItemOut> {
  return {
    id: row.id,
    title: row.title,
    author: row.author,
    kind: row.kind,
    status: row.status,
    rating: row.rating,
    notes: row.notes,
    startedOn: row.startedOn,
    finishedOn: row.finishedOn,
    tags: row.tags,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The calendar day of `now`, as the default for "started" and "finished" days. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}
