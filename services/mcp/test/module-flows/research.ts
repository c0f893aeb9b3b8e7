import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids } from './flow-context';

/**
 * The research module through the gateway:
 * questions and sources: create, add, list, get, update, answer.
 */
export function researchFlow(ctx: FlowContext): void {
  const { call, stored, mine } = ctx;

  it('questions and sources: create, add, list, get, update, answer', async () => {
    const { question: spacing } = await call<{ question: Item }>('research.create_question', {
      question: 'Does spaced repetition beat rereading?',
      context: 'For the exam in February',
      tags: ['learning'],
    });
    expect(spacing).toMatchObject({ status: 'open', answer: null, tags: ['learning'] });
    expect(await stored('research_questions', spacing.id)).toMatchObject({
      ...mine(),
      question: 'Does spaced repetition beat rereading?',
      context: 'For the exam in February',
      status: 'open',
    });
    const { question: embeddings } = await call<{ question: Item }>('research.create_question', {
      question: 'Which embedding model suits German notes?',
    });

    const { source: paper } = await call<{ source: Item }>('research.add_source', {
      title: 'The Testing Effect',
      url: 'https://example.org/roediger-2006',
      citation: 'Roediger & Karpicke (2006)',
      questionId: spacing.id,
    });
    expect(paper).toMatchObject({ kind: 'paper', questionId: spacing.id });
    expect(await stored('research_sources', paper.id)).toMatchObject({
      ...mine(),
      question_id: spacing.id,
      title: 'The Testing Effect',
      citation: 'Roediger & Karpicke (2006)',
      kind: 'paper',
    });
    const { source: dataset } = await call<{ source: Item }>('research.add_source', {
      title: 'Flashcard review logs',
      kind: 'dataset',
    });
    expect(dataset.questionId).toBeNull();

    const forSpacing = await call<{ sources: Item[] }>('research.list_sources', {
      questionId: spacing.id,
    });
    expect(ids(forSpacing.sources)).toEqual([paper.id]);
    const datasets = await call<{ sources: Item[] }>('research.list_sources', {
      kind: 'dataset',
    });
    expect(ids(datasets.sources)).toEqual([dataset.id]);

    const tied = await call<{ source: Item }>('research.update_source', {
      id: dataset.id,
      questionId: spacing.id,
      notes: 'Retention after 30 days',
    });
    expect(tied.source).toMatchObject({
      questionId: spacing.id,
      notes: 'Retention after 30 days',
    });
    expect(await stored('research_sources', dataset.id)).toMatchObject({
      question_id: spacing.id,
      notes: 'Retention after 30 days',
    });

    const open = await call<{ questions: Item[] }>('research.list_questions', {});
    expect(open.questions.map((q) => [q.id, q.sourceCount]).sort()).toEqual(
      [
        [spacing.id, 2],
        [embeddings.id, 0],
      ].sort(),
    );
    const got = await call<{ question: Item; sources: Item[] }>('research.get_question', {
      id: spacing.id,
    });
    expect(got.question).toEqual(spacing);
    expect(ids(got.sources).sort()).toEqual([paper.id, dataset.id].sort());

    const parked = await call<{ question: Item }>('research.update_question', {
      id: embeddings.id,
      status: 'parked',
      tags: ['ml'],
    });
    expect(parked.question).toMatchObject({ status: 'parked', tags: ['ml'] });
    expect(await stored('research_questions', embeddings.id)).toMatchObject({
      status: 'parked',
      tags: ['ml'],
    });

    const answer = 'Yes: retrieval practice beats rereading after a week.';
    const answered = await call<{ question: Item }>('research.answer_question', {
      id: spacing.id,
      answer,
    });
    expect(answered.question).toMatchObject({ status: 'answered', answer });
    expect(await stored('research_questions', spacing.id)).toMatchObject({
      status: 'answered',
      answer,
    });
    const done = await call<{ questions: Item[] }>('research.list_questions', {
      status: 'answered',
    });
    expect(ids(done.questions)).toEqual([spacing.id]);
  });
}
