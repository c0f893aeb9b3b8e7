import { z } from 'zod';
import { iso, isoOut, textField, titleField } from '../../fields';
import type { dreams } from './table';

/** A dream as tools return it. */
export const dreamOut = z.object({
  id: z.string(),
  dreamtOn: z.string().describe('The night’s morning, YYYY-MM-DD'),
  title: z.string(),
  description: z.string(),
  lucid: z.boolean(),
  vividness: z.number().int().nullable().describe('1 (faint) to 5 (vivid), or null'),
  emotions: z.array(z.string()),
  tags: z.array(z.string()),
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const dreamTitleField = () =>
  titleField('A short name for the dream, e.g. "Flying over Hamburg"');
export const dreamDescriptionField = () =>
  textField('What happened in the dream', 10_000).trim().min(1);
export const lucidField = () => z.boolean().describe('Whether you knew you were dreaming');
export const vividnessField = () =>
  z.number().int().min(1).max(5).describe('How vivid it was, from 1 (faint) to 5 (vivid)');

/** Maps a row to {@link dreamOut}. */
export function toDream(row: typeof dreams.$inferSelect): z.input<typeof dreamOut> {
  return {
    id: row.id,
    dreamtOn: row.dreamtOn,
    title: row.title,
    description: row.description,
    lucid: row.lucid,
    vividness: row.vividness,
    emotions: row.emotions,
    tags: row.tags,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
