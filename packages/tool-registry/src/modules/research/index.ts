import { researchAddSource } from './add-source';
import { researchAnswerQuestion } from './answer-question';
import { researchCreateQuestion } from './create-question';
import { researchDeleteQuestion } from './delete-question';
import { researchDeleteSource } from './delete-source';
import { researchGetQuestion } from './get-question';
import { researchListQuestions } from './list-questions';
import { researchListSources } from './list-sources';
import { researchUpdateQuestion } from './update-question';
import { researchUpdateSource } from './update-source';

/** The research module: questions you are working on and the sources that answer them. */
export const researchTools = [
  researchCreateQuestion,
  researchListQuestions,
  researchGetQuestion,
  researchAnswerQuestion,
  researchUpdateQuestion,
  researchDeleteQuestion,
  researchAddSource,
  researchListSources,
  researchUpdateSource,
  researchDeleteSource,
];
export { researchQuestions, researchSources } from './table';
