import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { researchAddSource } from './add-source';
import { researchAnswerQuestion } from './answer-question';
import { researchCreateQuestion } from './create-question';
import { researchUpdateQuestion } from './update-question';
import { researchUpdateSource } from './update-source';

/** An open question to act on, next to another one. */
async function aQuestion(bed: ToolTestBed): Promise<string> {
  await bed.call(researchCreateQuestion, { question: 'Was misst der BLEU-Score?' });
  const { question } = await bed.call(researchCreateQuestion, {
    question: 'Warum skaliert Attention quadratisch?',
    tags: ['nlp'],
  });
  return question.id;
}

/** A source tied to a question, next to a loose one. */
async function aSource(bed: ToolTestBed): Promise<string> {
  await bed.call(researchAddSource, { title: 'Word2Vec', kind: 'paper' });
  const { source } = await bed.call(researchAddSource, {
    title: 'Attention Is All You Need',
    questionId: await aQuestion(bed),
  });
  return source.id;
}

describeToolChecks('research', [
  {
    tool: researchCreateQuestion,
    input: async () => ({
      question: 'Welche Rolle spielt Tokenisierung für mehrsprachige Modelle?',
      context: 'Für das Seminar im Januar',
      tags: ['nlp', 'seminar'],
    }),
  },
  {
    tool: researchAnswerQuestion,
    input: async (bed) => ({
      id: await aQuestion(bed),
      answer: 'Jedes Token achtet auf jedes andere: n² Paare.',
    }),
  },
  {
    tool: researchUpdateQuestion,
    input: async (bed) => ({ id: await aQuestion(bed), status: 'parked', tags: ['später'] }),
  },
  {
    tool: researchAddSource,
    input: async (bed) => ({
      title: 'Longformer: The Long-Document Transformer',
      url: 'https://arxiv.org/abs/2004.05150',
      citation: 'Beltagy et al. (2020)',
      kind: 'paper',
      questionId: await aQuestion(bed),
    }),
  },
  {
    tool: researchUpdateSource,
    input: async (bed) => ({
      id: await aSource(bed),
      citation: 'Vaswani et al. (2017)',
      kind: 'article',
      questionId: null,
    }),
  },
]);
