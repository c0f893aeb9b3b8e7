import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { researchAddSource } from './add-source';
import { researchAnswerQuestion } from './answer-question';
import { researchCreateQuestion } from './create-question';
import { researchDeleteQuestion } from './delete-question';
import { researchDeleteSource } from './delete-source';
import { researchGetQuestion } from './get-question';
import { researchListQuestions } from './list-questions';
import { researchListSources } from './list-sources';
import { researchQuestions, researchSources } from './table';
import { researchUpdateQuestion } from './update-question';
import { researchUpdateSource } from './update-source';

type Listed = { question: string; sourceCount: number };
const asked = (out: { questions: Listed[] }) => out.questions.map((q) => q.question);
const titles = (out: { sources: { title: string }[] }) => out.sources.map((s) => s.title);

describe('research module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('creates an open question in the caller’s space and returns what was stored', async () => {
    const { question } = await bed.call(researchCreateQuestion, {
      question: 'Does spaced repetition beat rereading?',
      context: 'For the exam in February',
      tags: ['learning'],
    });
    expect(question).toMatchObject({
      question: 'Does spaced repetition beat rereading?',
      context: 'For the exam in February',
      status: 'open',
      answer: null,
      tags: ['learning'],
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db
      .select()
      .from(researchQuestions)
      .where(eq(researchQuestions.id, question.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      status: 'open',
      answer: null,
    });
  });

  it('lists questions by status, newest first, with their source counts, only in its space', async () => {
    await bed.db.delete(researchQuestions);
    const create = async (question: string, at: string, tags: string[] = []) => {
      bed.setNow(at);
      return (await bed.call(researchCreateQuestion, { question, tags })).question;
    };
    const older = await create('Older open', '2026-11-01T08:00:00Z', ['sleep']);
    const newer = await create('Newer open', '2026-11-02T08:00:00Z');
    const parked = await create('Parked one', '2026-11-03T08:00:00Z', ['sleep']);
    const answered = await create('Answered one', '2026-11-04T08:00:00Z');
    await bed.call(researchUpdateQuestion, { id: parked.id, status: 'parked' });
    await bed.call(researchAnswerQuestion, { id: answered.id, answer: 'Yes, by far' });
    await bed.call(researchAddSource, { title: 'S1', questionId: older.id });
    await bed.call(researchAddSource, { title: 'S2', questionId: older.id });
    await bed.call(researchAddSource, { title: 'S3', questionId: newer.id });
    await bed.call(researchAddSource, { title: 'Loose' });
    const inB = await bed.call(researchCreateQuestion, { question: 'Family question' }, bed.b);
    await bed.call(researchAddSource, { title: 'B source', questionId: inB.question.id }, bed.b);

    const open = await bed.call(researchListQuestions, {});
    expect(open.questions.map((q: Listed) => [q.question, q.sourceCount])).toEqual([
      ['Newer open', 1],
      ['Older open', 2],
    ]);
    expect(asked(await bed.call(researchListQuestions, { status: 'all' }))).toEqual([
      'Answered one',
      'Parked one',
      'Newer open',
      'Older open',
    ]);
    expect(asked(await bed.call(researchListQuestions, { status: 'parked' }))).toEqual([
      'Parked one',
    ]);
    const done = await bed.call(researchListQuestions, { status: 'answered' });
    expect(done.questions).toEqual([
      expect.objectContaining({ question: 'Answered one', answer: 'Yes, by far', sourceCount: 0 }),
    ]);
    expect(asked(await bed.call(researchListQuestions, { status: 'all', tag: 'sleep' }))).toEqual([
      'Parked one',
      'Older open',
    ]);
    expect(
      asked(await bed.call(researchListQuestions, { status: 'all', query: 'BY FAR' })),
    ).toEqual(['Answered one']);
    expect((await bed.call(researchListQuestions, { status: 'all', limit: 3 })).count).toBe(3);
    const listedB = await bed.call(researchListQuestions, {}, bed.b);
    expect(listedB.questions.map((q: Listed) => [q.question, q.sourceCount])).toEqual([
      ['Family question', 1],
    ]);
  });

  it('answers, re-answers, parks and reopens a question; refuses answered without an answer', async () => {
    bed.setNow('2026-11-25T09:00:00Z');
    const { question } = await bed.call(researchCreateQuestion, {
      question: 'Why is the sky blue?',
    });
    expect(
      await bed.fail(researchUpdateQuestion, { id: question.id, status: 'answered' }),
    ).toMatchObject({ kind: 'tool_error', code: 'INVALID_STATE' });
    const [still] = await bed.db
      .select()
      .from(researchQuestions)
      .where(eq(researchQuestions.id, question.id));
    expect(still?.status).toBe('open');

    bed.setNow('2026-11-26T09:00:00Z');
    const answered = await bed.call(researchAnswerQuestion, {
      id: question.id,
      answer: 'Rayleigh scattering',
    });
    expect(answered.question).toMatchObject({
      status: 'answered',
      answer: 'Rayleigh scattering',
      updatedAt: '2026-11-26T09:00:00.000Z',
    });
    const again = await bed.call(researchAnswerQuestion, {
      id: question.id,
      answer: 'Rayleigh scattering of sunlight',
    });
    expect(again.question.answer).toBe('Rayleigh scattering of sunlight');

    const reopened = await bed.call(researchUpdateQuestion, {
      id: question.id,
      status: 'open',
      question: 'Why is the sky blue at noon?',
      context: 'Kid asked',
      tags: ['physics'],
    });
    expect(reopened.question).toMatchObject({
      status: 'open',
      question: 'Why is the sky blue at noon?',
      context: 'Kid asked',
      tags: ['physics'],
      answer: 'Rayleigh scattering of sunlight',
    });
    // With an answer on record it may be marked answered again directly.
    expect(
      (await bed.call(researchUpdateQuestion, { id: question.id, status: 'answered' })).question
        .status,
    ).toBe('answered');
    const parked = await bed.call(researchUpdateQuestion, {
      id: question.id,
      status: 'parked',
      context: null,
    });
    expect(parked.question).toMatchObject({ status: 'parked', context: null });
    const [row] = await bed.db
      .select()
      .from(researchQuestions)
      .where(eq(researchQuestions.id, question.id));
    expect(row).toMatchObject({ status: 'parked', context: null, tags: ['physics'] });
    expect(await bed.fail(researchUpdateQuestion, { id: question.id })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await bed.fail(researchAnswerQuestion, { id: question.id, answer: ' ' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'answer' }],
    });
  });

  it('adds, lists, updates and deletes sources, tied to questions of the same space', async () => {
    await bed.db.delete(researchSources);
    bed.setNow('2026-11-27T09:00:00Z');
    const { question } = await bed.call(researchCreateQuestion, { question: 'Transformers?' });
    const { source } = await bed.call(researchAddSource, {
      title: 'Attention Is All You Need',
      url: 'https://arxiv.org/abs/1706.03762',
      citation: 'Vaswani et al. (2017)',
      notes: 'Self-attention only',
      questionId: question.id,
    });
    expect(source).toMatchObject({
      questionId: question.id,
      title: 'Attention Is All You Need',
      url: 'https://arxiv.org/abs/1706.03762',
      citation: 'Vaswani et al. (2017)',
      kind: 'paper',
      createdAt: '2026-11-27T09:00:00.000Z',
    });
    const [row] = await bed.db
      .select()
      .from(researchSources)
      .where(eq(researchSources.id, source.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      questionId: question.id,
      notes: 'Self-attention only',
    });
    bed.setNow('2026-11-27T10:00:00Z');
    await bed.call(researchAddSource, { title: 'ImageNet', kind: 'dataset', notes: 'labels' });

    expect(titles(await bed.call(researchListSources, {}))).toEqual([
      'ImageNet',
      'Attention Is All You Need',
    ]);
    expect(titles(await bed.call(researchListSources, { questionId: question.id }))).toEqual([
      'Attention Is All You Need',
    ]);
    expect(titles(await bed.call(researchListSources, { kind: 'dataset' }))).toEqual(['ImageNet']);
    expect(titles(await bed.call(researchListSources, { query: 'vaswani' }))).toEqual([
      'Attention Is All You Need',
    ]);
    expect(titles(await bed.call(researchListSources, { query: 'LABELS' }))).toEqual(['ImageNet']);
    expect(titles(await bed.call(researchListSources, { query: '%' }))).toEqual([]);
    const detail = await bed.call(researchGetQuestion, { id: question.id });
    expect(detail.question.id).toBe(question.id);
    expect(detail.sources.map((s: { id: string }) => s.id)).toEqual([source.id]);

    const moved = await bed.call(researchUpdateSource, {
      id: source.id,
      questionId: null,
      kind: 'article',
      url: null,
      notes: 'Reread later',
    });
    expect(moved.source).toMatchObject({
      questionId: null,
      kind: 'article',
      url: null,
      notes: 'Reread later',
    });
    expect((await bed.call(researchGetQuestion, { id: question.id })).sources).toEqual([]);
    const back = await bed.call(researchUpdateSource, { id: source.id, questionId: question.id });
    expect(back.source.questionId).toBe(question.id);

    // Deleting the question keeps its sources, untied.
    expect(await bed.call(researchDeleteQuestion, { id: question.id })).toEqual({
      deleted: true,
      id: question.id,
    });
    const [kept] = await bed.db
      .select()
      .from(researchSources)
      .where(eq(researchSources.id, source.id));
    expect(kept?.questionId).toBeNull();
    expect(researchDeleteQuestion.policyHint).toBe('destructive');

    expect(await bed.call(researchDeleteSource, { id: source.id })).toEqual({
      deleted: true,
      id: source.id,
    });
    expect(
      await bed.db.select().from(researchSources).where(eq(researchSources.id, source.id)),
    ).toEqual([]);
    expect(researchDeleteSource.policyHint).toBe('destructive');
  });

  it('cannot read, change or link to research of another space', async () => {
    const { question } = await bed.call(researchCreateQuestion, { question: 'Private question' });
    const { source } = await bed.call(researchAddSource, {
      title: 'Private source',
      questionId: question.id,
    });
    const questionMissing = {
      kind: 'tool_error',
      code: 'NOT_FOUND',
      message: `No research question with id ${question.id} in this space`,
    };
    expect(await bed.fail(researchGetQuestion, { id: question.id }, bed.b)).toMatchObject(
      questionMissing,
    );
    expect(
      await bed.fail(researchAnswerQuestion, { id: question.id, answer: 'x' }, bed.b),
    ).toMatchObject(questionMissing);
    expect(
      await bed.fail(researchUpdateQuestion, { id: question.id, status: 'parked' }, bed.b),
    ).toMatchObject(questionMissing);
    expect(await bed.fail(researchDeleteQuestion, { id: question.id }, bed.b)).toMatchObject(
      questionMissing,
    );
    // B may not attach its sources to A's question, nor list A's question's sources.
    expect(
      await bed.fail(researchAddSource, { title: 'Sneaky', questionId: question.id }, bed.b),
    ).toMatchObject(questionMissing);
    expect(await bed.fail(researchListSources, { questionId: question.id }, bed.b)).toMatchObject(
      questionMissing,
    );
    const bSource = await bed.call(researchAddSource, { title: 'B own' }, bed.b);
    expect(
      await bed.fail(
        researchUpdateSource,
        { id: bSource.source.id, questionId: question.id },
        bed.b,
      ),
    ).toMatchObject(questionMissing);

    const sourceMissing = {
      kind: 'tool_error',
      code: 'NOT_FOUND',
      message: `No source with id ${source.id} in this space`,
    };
    expect(
      await bed.fail(researchUpdateSource, { id: source.id, title: 'Hijacked' }, bed.b),
    ).toMatchObject(sourceMissing);
    expect(await bed.fail(researchDeleteSource, { id: source.id }, bed.b)).toMatchObject(
      sourceMissing,
    );
    expect(titles(await bed.call(researchListSources, {}, bed.b))).not.toContain('Private source');

    const [q] = await bed.db
      .select()
      .from(researchQuestions)
      .where(eq(researchQuestions.id, question.id));
    expect(q).toMatchObject({ status: 'open', answer: null });
    const [s] = await bed.db
      .select()
      .from(researchSources)
      .where(eq(researchSources.id, source.id));
    expect(s).toMatchObject({ title: 'Private source', questionId: question.id });
    const [b] = await bed.db
      .select()
      .from(researchSources)
      .where(eq(researchSources.id, bSource.source.id));
    expect(b?.questionId).toBeNull();
  });

  it('names bad input fields', async () => {
    const bad = await bed.fail(researchAddSource, {
      title: '',
      url: 'www.example.com',
      kind: 'video',
      questionId: '42',
    });
    expect(bad.kind).toBe('invalid_input');
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'kind',
      'questionId',
      'title',
      'url',
    ]);
    expect(await bed.fail(researchCreateQuestion, { question: '  ' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'question' }],
    });
    expect(await bed.fail(researchListQuestions, { status: 'closed' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'status' }],
    });
  });
});
