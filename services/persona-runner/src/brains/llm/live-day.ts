import {
  APICallError,
  generateText,
  type LanguageModel,
  type StepResult,
  stepCountIs,
  type ToolSet,
} from 'ai';
import { connectGateway, type GatewaySession, type GatewayTool } from '../../clients/gateway';
import { modelTelemetry } from '../../telemetry/model-telemetry';
import { dayPrompt } from '../claude-agent-sdk/day-prompt';
import { addUsage, type DayContext, type Usage } from '../types';
import { type LlmBrainOptions, MAX_OUTPUT_TOKENS } from './brain-options';
import { LlmBrainError, messageOf } from './errors';
import { dayToolSet } from './gateway-tool-set';
import type { ModelPrice } from './prices';
import { usageOf } from './usage';

/** What a day needs beyond its context. */
export interface LiveDayDeps {
  model: LanguageModel;
  maxTurns: number;
  onStep: LlmBrainOptions['onStep'];
  price: ModelPrice;
  /** Put cache breakpoints on the system prompt and the last tool (Anthropic). */
  promptCache?: boolean;
}

/**
 * The main turn, inside the runner: one MCP session with the gateway (the runner's own
 * client), the persona's tools offered to the model through the AI SDK, at most
 * `maxTurns` model turns. Every call is recorded the moment its answer arrives; calls
 * still waiting when the day is aborted are recorded as `timeout` errors right in the
 * abort. A model that answers text (garbage included) ends its day; one that calls a tool
 * that does not exist gets the AI SDK's tool error back and goes on within its turns.
 *
 * Throws an {@link LlmBrainError} (`GATEWAY_UNAVAILABLE`, `API_ERROR`, `ABORTED`) carrying
 * the usage so far, after recording every call made before the failure.
 */
export async function liveDay(day: DayContext, deps: LiveDayDeps): Promise<{ usage: Usage }> {
  const { session, listed } = await openGateway(day);
  const steps: StepResult<ToolSet>[] = [];
  const { tools, flushInFlight } = dayToolSet(day, session, listed);
  if (deps.promptCache) cacheLastTool(tools);
  const onAbort = () => flushInFlight('No result: the day was aborted before this call returned');
  day.signal.addEventListener('abort', onAbort, { once: true });
  const prompt = dayPrompt(day);
  day.transcript.turn('system', day.persona.systemPrompt);
  day.transcript.turn('user', prompt);
  try {
    const result = await generateText({
      model: deps.model,
      system: deps.promptCache
        ? { role: 'system', content: day.persona.systemPrompt, providerOptions: CACHE_BREAKPOINT }
        : day.persona.systemPrompt,
      prompt,
      tools,
      stopWhen: stepCountIs(deps.maxTurns),
      maxOutputTokens: MAX_OUTPUT_TOKENS,
      maxRetries: 0,
      abortSignal: day.signal,
      experimental_telemetry: modelTelemetry('persona-day'),
      onStepFinish: (step) => {
        steps.push(step);
        // Tool calls reach the transcript through day.record; the model's words here.
        if (step.text.trim() !== '') day.transcript.turn('assistant', step.text);
        deps.onStep?.(day, step);
      },
    });
    if (result.steps.length >= deps.maxTurns && result.finishReason === 'tool-calls') {
      day.logger.info({ turns: result.steps.length }, 'the day reached its turn limit');
    }
    return { usage: usageOf(result.totalUsage, deps.price) };
  } catch (error) {
    flushInFlight(`No result: the day failed before this call returned (${messageOf(error)})`);
    throw failure(error, day.signal, sumUsage(steps, deps.price));
  } finally {
    day.signal.removeEventListener('abort', onAbort);
    await session.close().catch(() => undefined);
  }
}

/**
 * Anthropic's cache breakpoint. The API caches the prompt's prefix in the order tools,
 * system, messages: a breakpoint on the last tool caches the tool list, one on the system
 * prompt caches both; every turn after the first of a day reads them (5 min lifetime).
 * The rating turn has no tools and runs once, so it is not marked (a write costs 1.25×).
 */
const CACHE_BREAKPOINT = { anthropic: { cacheControl: { type: 'ephemeral' } } } as const;

function cacheLastTool(tools: ToolSet): void {
  const last = Object.keys(tools).at(-1);
  const tool = last === undefined ? undefined : tools[last];
  if (last !== undefined && tool) tools[last] = { ...tool, providerOptions: CACHE_BREAKPOINT };
}

async function openGateway(
  day: DayContext,
): Promise<{ session: GatewaySession; listed: GatewayTool[] }> {
  let session: GatewaySession | undefined;
  try {
    session = await connectGateway(day.gateway, day.signal);
    const modules = new Set(day.modules);
    const listed = (await session.listTools()).filter((t) => modules.has(t.module));
    if (listed.length === 0) {
      throw new Error(`it offers no tools of the persona's modules (${day.modules.join(', ')})`);
    }
    return { session, listed };
  } catch (error) {
    await session?.close().catch(() => undefined);
    if (day.signal.aborted) throw failure(error, day.signal, usageOf(undefined));
    throw new LlmBrainError(
      'GATEWAY_UNAVAILABLE',
      `The MCP gateway at ${day.gateway.url} is not available: ${messageOf(error)}`,
      { cause: error },
    );
  }
}

function sumUsage(steps: readonly StepResult<ToolSet>[], price: ModelPrice): Usage {
  return steps.reduce((sum, step) => addUsage(sum, usageOf(step.usage, price)), usageOf(undefined));
}

/** The brain's error for whatever a model call threw, with the usage so far. */
export function failure(error: unknown, signal: AbortSignal, usage: Usage): LlmBrainError {
  let wrapped: LlmBrainError;
  if (signal.aborted) {
    const reason = signal.reason === undefined ? '' : `: ${messageOf(signal.reason)}`;
    wrapped = new LlmBrainError('ABORTED', `The persona's day was aborted${reason}`, {
      cause: error,
    });
  } else if (APICallError.isInstance(error)) {
    const status = error.statusCode ? ` ${error.statusCode}` : '';
    wrapped = new LlmBrainError('API_ERROR', `The model API failed${status}: ${error.message}`, {
      cause: error,
    });
  } else {
    wrapped = new LlmBrainError('API_ERROR', `The model call failed: ${messageOf(error)}`, {
      cause: error,
    });
  }
  wrapped.usage = usage;
  return wrapped;
}
