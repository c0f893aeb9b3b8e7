import type { ActionRow, CallCheck, DuePersona } from '@mana/contracts';
import type { Logger } from 'pino';
import type { GatewaySession } from '../clients/gateway';
import type { GatewayConnections } from '../clients/gateway-connections';

/** How a connection to the MCP gateway is made for one persona's day. */
export interface GatewayAccess {
  /** `http://…/mcp`. */
  url: string;
  /** Authorization (the persona's token), X-Mana-Space and X-Mana-Modules. */
  headers: Record<string, string>;
  /** How long one tool call may take before it is a `timeout` (default 30 s). */
  callTimeoutMs?: number;
  /**
   * The runner's gateway clients, shared by its days (one client, tool list and set of
   * output validators per gateway and module set). Without it a day connects on its own.
   */
  connections?: GatewayConnections;
  /**
   * Opens the session itself, for a target other than the built-in gateway (a stdio
   * server, another app's URL); `connectGateway` calls it instead of dialling `url`.
   */
  connect?: (signal?: AbortSignal) => Promise<GatewaySession>;
  /** Why the app failed the day (its stdio server died mid-day), once it has. */
  failure?: () => Error | undefined;
  /**
   * Told when the gateway refuses the day's token or space (HTTP 401 or 403 on a request
   * of the shared connections): the day fails at once with that error, whatever the
   * brain would make of it. The runner sets it; a day's first call is its check.
   */
  refused?: (error: Error) => void;
}

/** The space a persona acts in today. */
export interface DaySpace {
  id: string;
  name: string;
  type: string;
}

/**
 * One tool call as it happened: the action row's fields a brain knows (`toolName` is the
 * app's `module.verb`, never the SDK's mangled `mcp__…` name; `toolUseId` the model's id
 * when it has one), with the raw input instead of its hash, the latency unrounded, and
 * the structured output of a successful call when the brain saw it. A failed call
 * carries its `errorKind`; a call made to check an earlier one names it in `checkOf`
 * (that call's index, as `record` returned it); `check` is the persona's verdict on this
 * call, usually set later through `DayContext.judge`.
 */
export type ToolCall = Pick<
  ActionRow,
  | 'toolName'
  | 'module'
  | 'toolUseId'
  | 'result'
  | 'errorMessage'
  | 'errorKind'
  | 'check'
  | 'checkOf'
> & {
  input: unknown;
  latencyMs: number;
  output?: unknown;
  /** The answer's text as the model saw it, for the transcript when there is no `output`. */
  outputText?: string;
};

/**
 * Where a brain writes its side of the day's conversation, for the tick's transcript.
 * Tool calls need nothing: every call given to `DayContext.record` is written with its
 * input and answer. A brain with a model reports its turns here: the system prompt and
 * prompts it sends (`system`, `user`) and the model's text (`assistant`). In the rating
 * turn a brain reports its prompt; the runner writes the answer itself. Texts are
 * redacted and cut to the transcript's caps by the runner.
 */
export interface TranscriptSink {
  turn(role: 'system' | 'user' | 'assistant', text: string): void;
}

/** Tokens and money a model spent; zero for the scripted brain. */
export interface Usage {
  /** Every input token the model processed, cache reads and writes included. */
  inputTokens: number;
  outputTokens: number;
  /** Of `inputTokens`, those read from the prompt cache (0 when absent). */
  cacheReadTokens?: number;
  /** Of `inputTokens`, those written to the prompt cache (0 when absent). */
  cacheWriteTokens?: number;
  costUsd: number;
}

/** `a` and `b` together (`b` may be absent: `a` as it is). */
export function addUsage(a: Usage, b: Usage | undefined): Usage {
  if (!b) return a;
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: (a.cacheReadTokens ?? 0) + (b.cacheReadTokens ?? 0),
    cacheWriteTokens: (a.cacheWriteTokens ?? 0) + (b.cacheWriteTokens ?? 0),
    costUsd: a.costUsd + b.costUsd,
  };
}

/** Everything a brain gets to live one persona's simulated day. */
export interface DayContext {
  persona: DuePersona;
  /** The persona's tick id (row ids of its actions derive from it). */
  tickId: string;
  /** "Now" for the persona: the tick's clock time. */
  now: Date;
  gateway: GatewayAccess;
  space: DaySpace;
  /** The persona's modules, heaviest first; the gateway lists only their tools. */
  modules: string[];
  /** Aborted on timeout or shutdown: stop and return as soon as possible. */
  signal: AbortSignal;
  /**
   * Calls of each tool over the last 7 days, all personas together (tool name → calls;
   * a tool absent was not called). Brains may favour tools that saw little traffic.
   * Empty when the runner could not fetch it.
   */
  coverage: ReadonlyMap<string, number>;
  /**
   * Call this for every tool call the moment its result is known, so calls made before
   * a failure or timeout are kept. Returns the call's index in the day (its row's
   * `index`), which `checkOf` and `judge` refer to; -1 when the day has already ended
   * and the call is not stored.
   */
  record(call: ToolCall): number;
  /**
   * The persona's verdict on an earlier call that answered ok, once it looked again:
   * stored on that call's row (`by` is the index of the call that showed it). A later
   * verdict on the same call replaces the earlier one. Ignored, with a log line, for an
   * unknown index or a call that failed.
   */
  judge(index: number, check: CallCheck): void;
  /**
   * Milliseconds on a monotonic clock, to measure a call's latency (end − start).
   * `performance.now()` in a real run; a simulation adds the virtual time its fault
   * drill spent, so simulated slowness shows without real waiting.
   */
  stopwatch(): number;
  /** The day's conversation: report model turns here (tool calls are written by `record`). */
  transcript: TranscriptSink;

  logger: Logger;
}

/** A failed check, as the persona saw it: which call did not hold up, and how. */
export interface FailedCheckSample {
  toolName: string;
  expected?: string;
  seen?: string;
}

/** What a persona experienced in one module, for the rating turn. */
export interface ModuleExperience {
  module: string;
  calls: number;
  /** Failed calls of every kind. */
  errors: number;
  /**
   * Of `errors`, those the app refused as invalid input (`invalid_input`): often the
   * persona's own mistake. The rest (app errors, timeouts, transport) are the app failing.
   */
  invalidInputs: number;
  tools: string[];
  /** A few distinct error messages, as the persona saw them. */
  errorSamples: { toolName: string; message: string }[];
  /** Calls the persona looked at again and gave a verdict on. */
  checks: number;
  /** Of `checks`, those that did not hold up: the app said ok, but it was not so. */
  failedChecks: number;
  /** A few failed checks with what was expected and what was seen. */
  failedCheckSamples: FailedCheckSample[];
  latencyP50Ms: number;
  latencyMaxMs: number;
  slowest: { toolName: string; latencyMs: number } | null;
}

/**
 * A persona's mind. The runner calls `liveDay` (the main turn, with the gateway's tools)
 * and then, for the modules it used, `rateDay` (a fresh turn without tools) whose raw
 * text is parsed by the runner's tolerant rating parser.
 */
export interface Brain {
  readonly name: 'scripted' | 'claude-agent-sdk' | 'llm';
  /** Model id recorded on the tick (e.g. `claude-sonnet-4-5`, `scripted-v1`). */
  readonly model: string;
  /** Lives the day: uses tools through the gateway, reporting each call via `day.record`. */
  liveDay(day: DayContext): Promise<{ usage?: Usage }>;
  /**
   * Rates the modules used, in character. Returns the model's raw answer, which should be
   * `{"ratings":[{"module","rating","notes"}]}` but may come with fences or prose.
   * `calls` is the day as it happened (every recorded call with its verdict), for model
   * brains to show the persona what it did and saw.
   */
  rateDay(
    day: DayContext,
    experience: ModuleExperience[],
    calls?: readonly ToolCall[],
  ): Promise<{ text: string; usage?: Usage }>;
}
