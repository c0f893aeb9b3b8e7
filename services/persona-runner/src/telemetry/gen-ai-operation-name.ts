import { TRACE_ATTRIBUTES as A } from '@mana/contracts';

/** The AI SDK's span of one model request, by the operation it is (GenAI conventions). */
const MODEL_CALL_SPANS: Readonly<Record<string, string>> = {
  'ai.generateText.doGenerate': 'chat',
  'ai.streamText.doStream': 'chat',
  'ai.generateObject.doGenerate': 'chat',
  'ai.streamObject.doStream': 'chat',
};

/** The part of a started span this processor touches. */
interface StartedSpan {
  readonly name: string;
  setAttribute(key: string, value: string): unknown;
}

/**
 * A span processor that completes the AI SDK's model-call spans: the pinned `ai` sets
 * `gen_ai.system`, `gen_ai.request.model` and `gen_ai.usage.*` on them but not
 * `gen_ai.operation.name`, which GenAI-aware backends (Langfuse, Phoenix) use to tell a
 * model call from the rest. It adds `chat` when such a span starts; it exports nothing.
 */
export function genAiOperationName() {
  return {
    onStart(span: StartedSpan): void {
      const operation = MODEL_CALL_SPANS[span.name];
      if (operation) span.setAttribute(A.genAiOperationName, operation);
    },
    onEnd(): void {},
    forceFlush: async (): Promise<void> => {},
    shutdown: async (): Promise<void> => {},
  };
}
