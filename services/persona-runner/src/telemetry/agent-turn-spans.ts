import type { SDKMessage } from '@anthropic-ai/claude-agent-sdk';
import { TRACE_ATTRIBUTES as A } from '@mana/contracts';
import { type Span, SpanKind } from '@opentelemetry/api';
import { runnerTracer } from './day-trace';

/** What {@link agentTurnSpans} gives the Agent SDK brain's message loop. */
export interface AgentTurnSpans {
  /** Sees every message of the query, in order. */
  observe(message: SDKMessage): void;
  /** Ends the turn still open (the query is over). */
  end(): void;
}

/**
 * A GenAI `chat` span per model turn of a Claude Agent SDK query, made from its messages:
 * the CLI calls the model itself, so the runner only sees the answers. A turn is the
 * assistant messages of one API message id (the CLI streams one per content block); its
 * span runs from when the model was asked (the query's start, or the last tool results
 * sent back) to its last message, with the model and the usage that message reported
 * (input counting cache reads and writes, as the runner's usage does). Children of the
 * active span: the day's.
 */
export function agentTurnSpans(requestModel: string, now = () => Date.now()): AgentTurnSpans {
  let asked = now();
  let turn: { id: string; span: Span; last: number } | undefined;
  const close = () => {
    turn?.span.end(turn.last);
    turn = undefined;
  };
  return {
    observe(message) {
      if (message.type !== 'assistant') {
        close();
        // Tool results go back to the model: the next turn is asked now.
        if (message.type === 'user') asked = now();
        return;
      }
      const answer = message.message;
      if (turn?.id !== answer.id) {
        close();
        turn = {
          id: answer.id,
          last: now(),
          span: runnerTracer().startSpan(`chat ${requestModel}`, {
            kind: SpanKind.CLIENT,
            startTime: asked,
            attributes: {
              [A.genAiOperationName]: 'chat',
              [A.genAiSystem]: 'anthropic',
              [A.genAiRequestModel]: requestModel,
            },
          }),
        };
      }
      turn.last = now();
      const usage = answer.usage;
      turn.span.setAttributes({
        [A.genAiResponseModel]: answer.model,
        [A.genAiInputTokens]:
          (usage?.input_tokens ?? 0) +
          (usage?.cache_read_input_tokens ?? 0) +
          (usage?.cache_creation_input_tokens ?? 0),
        [A.genAiOutputTokens]: usage?.output_tokens ?? 0,
      });
    },
    end: close,
  };
}
