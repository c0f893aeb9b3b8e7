import { z } from 'zod';
import { iso, isoOut, textField, titleField } from '../../fields';
import type { researchQuestions, researchSources } from './table';

export const QUESTION_STATUSES = ['open', 'answered', 'parked'] as const;
export const SOURCE_KINDS = ['paper', 'article', 'book', 'dataset', 'other'] as const;

/** A research question as tools return it. */
export const questionOut = z.object({
  id: z.string(),
  question: z.string(),
  context: z.string().nullable(),
  status: z.enum(QUESTION_STATUSES),
  answer: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: isoOut,
  updatedAt: isoOut,
});

/** A source as tools return it. */
export const sourceOut = z.object({
  id: z.string(),
  questionId: z.string().nullable().describe('The question it belongs to, or null'),
  title: z.string(),
  url: z.string().nullable(),
  citation: z.string().nullable(),
  notes: z.string().nullable(),
  kind: z.enum(SOURCE_KINDS),
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const questionTextField = () => titleField('The question you want answered', 500);
export const contextField = () => textField('Why you ask and what you already know', 5000);
export const sourceTitleField = () => titleField('The title of the source', 300);
export const sourceUrlField = () =>
  z
    .url({ protocol: /^https?$/, normalize: true })
    .max(2000)
    .describe('Where to find it online, http or https');
export const citationField = () =>
  textField('The reference as you would cite it, e.g. "Vaswani et al. (2017). …"', 2000);
export const sourceNotesField = () => textField('What you took from it', 10_000);
export const sourceKindField = () => z.enum(SOURCE_KINDS).describe('What sort of source it is');

/** Maps a row to {@link questionOut}. */
export function toQuestion(
  row: typeof researchQuestions.$inferSelect,
): z.input<typeof questionOut> {
  return {
    id: row.id,
    question: row.question,
    context: row.context,
    status: row.status,
    answer: row.answer,
    tags: row.tags,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Maps a row to {@link sourceOut}. */
export function toSource(row: typeof researchSources.$inferSelect): z.input<typeof sourceOut> {
  return {
    id: row.id,
    questionId: row.questionId,
    title: row.title,
    url: row.url,
    citation: row.citation,
    notes: row.notes,
    kind: row.kind,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
