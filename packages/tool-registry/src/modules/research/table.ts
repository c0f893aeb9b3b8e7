import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { check, index, text, uuid } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Research questions you are working on, with an answer once you have one. */
export const researchQuestions = appSchema.table(
  'research_questions',
  {
    ...spaceRowColumns(),
    question: text('question').notNull(),
    context: text('context'),
    status: text('status').$type<'open' | 'answered' | 'parked'>().default('open').notNull(),
    answer: text('answer'),
    tags: text('tags').array().default(sql`'{}'::text[]`).notNull(),
  },
  (t) => [
    check('research_questions_status_check', sql`${t.status} in ('open', 'answered', 'parked')`),
    index('research_questions_space_status_idx').on(t.spaceId, t.status),
  ],
);

/** Sources (papers, articles, datasets) with a citation and notes, maybe tied to a question. */
export const researchSources = appSchema.table(
  'research_sources',
  {
    ...spaceRowColumns(),
    questionId: uuid('question_id').references(() => researchQuestions.id, {
      onDelete: 'set null',
    }),
    title: text('title').notNull(),
    url: text('url'),
    citation: text('citation'),
    notes: text('notes'),
    kind: text('kind')
      .$type<'paper' | 'article' | 'book' | 'dataset' | 'other'>()
      .default('paper')
      .notNull(),
  },
  (t) => [
    check(
      'research_sources_kind_check',
      sql`${t.kind} in ('paper', 'article', 'book', 'dataset', 'other')`,
    ),
    index('research_sources_space_question_idx').on(t.spaceId, t.questionId),
  ],
);
