import type { ActionRow, DuePersona } from '@mana/contracts';
import type { Logger } from 'pino';

/** How a connection to the MCP gateway is made for one persona's day. */
export interface GatewayAccess {
  /** `http://…/mcp`. */
  url: string;
  /** Authorization (the persona's token), X-Mana-Space and X-Mana-Modules. */
  headers: Record<string, string>;
  /** How long one tool call may take before it is a `timeout` (default 30 s). */
  callTimeoutMs?: number;
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
 * the structured output of a successful call when the brain saw it.
 */
export type ToolCall = Pick<
  ActionRow,
  'toolName' | 'module' | 'toolUseId' | 'result' | 'errorMessage'
> & {
  input: unknown;
  latencyMs: number;
  output?: unknown;
};

/** Tokens and money a model spent; zero for the scripted brain. */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
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
   * Call this for every tool call the moment its result is known, so calls made before
   * a failure or timeout are kept.
   */
  record(call: ToolCall): void;
  /**
   * Milliseconds on a monotonic clock, to measure a call's latency (end − start).
   * `performance.now()` in a real run; a simulation adds the virtual time its fault
   * drill spent, so simulated slowness shows without real waiting.
   */
  stopwatch(): number;

  logger: Logger;
}

/** What a persona experienced in one module, for the rating turn. */
export interface ModuleExperience {
  module: string;
  calls: number;
  errors: number;
  tools: string[];
  /** A few distinct error messages, as the persona saw them. */
  errorSamples: { toolName: string; message: string }[];
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
  readonly name: 'scripted' | 'claude-agent-sdk';
  /** Model id recorded on the tick (e.g. `claude-sonnet-4-5`, `scripted-v1`). */
  readonly model: string;
  /** Lives the day: uses tools through the gateway, reporting each call via `day.record`. */
  liveDay(day: DayContext): Promise<{ usage?: Usage }>;
  /**
   * Rates the modules used, in character. Returns the model's raw answer, which should be
   * `{"ratings":[{"module","rating","notes"}]}` but may come with fences or prose.
   */
  rateDay(
    day: DayContext,
    experience: ModuleExperience[],
  ): Promise<{ text: string; usage?: Usage }>;
}
