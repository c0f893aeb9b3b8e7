import type { ClaimBudget } from '@mana/contracts';
import type { Logger } from 'pino';
import type { Brain } from '../brains/types';
import type { GatewayConnections } from '../clients/gateway-connections';
import type { InternalApiClient } from '../clients/internal-api';
import type { RunnerMetrics } from '../metrics';
import type { PersonaAuthenticator } from '../target/persona-authenticator';
import type { RunnerTarget } from '../target/runner-target';
import type { Journal } from './journal';
import type { Outbox } from './outbox';

/**
 * What a tick and every persona day in it need. The runner builds it once, when it is
 * constructed, and hands the same object to each tick, which hands it to each day.
 */
export interface DayDeps {
  /** The identity service's internal API (the due personas). */
  api: InternalApiClient;
  /** Logs personas in and lists their spaces (the identity service, or the target's sign-in). */
  identity: PersonaAuthenticator;
  /** The app the personas live in when it is not the built-in one (`--target`). */
  target?: RunnerTarget;
  brain: Brain;
  /** Stores actions, ratings and tick records; keeps what cannot be delivered yet. */
  outbox: Outbox;
  /** The crash journal (`RUNNER_DATA_DIR`): each tool call is journaled as it is reported. */
  journal?: Journal;
  /** The runner's gateway clients, shared by its days (absent: each day connects anew). */
  gateways?: GatewayConnections;
  /** Base URL of the MCP gateway, without a trailing slash (`/mcp` is appended). */
  mcpUrl: string;
  runnerId: string;
  clock: () => Date;
  /** A persona's day is aborted after this long (`PERSONA_TICK_TIMEOUT_MS`). */
  timeoutMs: number;
  logger: Logger;
  metrics: RunnerMetrics;
  /** Aborted when the runner shuts down: the day stops, and what it did is kept. */
  shutdown: AbortSignal;
  /** Aborted when the runner starts stopping: no new persona day starts. */
  draining?: AbortSignal;
  /** How long a claim's lease lasts; renewed at a third of it while the day runs. */
  leaseSeconds: number;
  /** Latency clock handed to brains (`performance.now`; simulations add virtual time). */
  stopwatch: () => number;
  /** How long one tool call may take before it is a `timeout` (the gateway client's default). */
  callTimeoutMs?: number;
  /**
   * Calls of each tool over the last 7 days, fetched once per tick (`runTick` sets it);
   * empty or absent when it could not be fetched.
   */
  coverage?: ReadonlyMap<string, number>;
  /** The daily limits every claim carries (see `ClaimKeeper`); none when absent. */
  budget?: ClaimBudget;
}
