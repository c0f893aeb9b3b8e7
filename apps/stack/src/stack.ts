import { type LoginLimitSettings, type RunningAuthService, startAuthService } from '@mana/auth';
import { type RunningConsole, startConsole } from '@mana/console';
import type { ClaimBudget } from '@mana/contracts';

import { createDatabase, type DatabaseHandle, migrateDatabase } from '@mana/db';
import { silentLogger } from '@mana/http';
import { type RunningMcpGateway, startMcpGateway } from '@mana/mcp';
import {
  type Brain,
  IdentityClient,
  type RunningPersonaRunner,
  startPersonaRunner,
  type TickResult,
} from '@mana/persona-runner';
import { type Catalog, type SeedSummary, seedPersonas } from '@mana/personas';
import { createAppRegistry, type FaultInjector } from '@mana/tool-registry';
import type { Logger } from 'pino';
import type { LoadedTarget } from './target/load-target';
import { verifyTarget } from './target/verify-target';

/** How the stack's persona runner behaves. */
export interface StackRunnerOptions {
  brain: Brain | undefined;
  port?: number | undefined;
  runnerId?: string | undefined;
  tickIntervalMs?: number | undefined;
  concurrency?: number | undefined;
  personaTimeoutMs?: number | undefined;
  /** One tool call's deadline (`PERSONA_CALL_TIMEOUT_MS`; the runner's 30 s by default). */
  callTimeoutMs?: number | undefined;
  /** A claim's lease in seconds (the runner's default: 120). */
  leaseSeconds?: number | undefined;
  /** Daily limits (`PERSONA_DAILY_TOKEN_BUDGET`, `DAILY_COST_CAP_USD`); the console shows them too. */
  budget?: ClaimBudget | undefined;
  /** Where the runner keeps its crash journal; none when left out (simulations, tests). */
  dataDir?: string | undefined;
  paused?: boolean | undefined;
  /** Start the tick loop (default true); the smoke test fires ticks itself. */
  startLoop?: boolean | undefined;
  onTick?: ((result: TickResult) => void) | undefined;
  /** Serve `/diag/*` (default true; never in production). */
  diagnostics?: boolean | undefined;
  /** The runner's clock (simulations pass a virtual one). */
  clock?: (() => Date) | undefined;
  /** Latency clock for brains (simulations add virtual time). */
  stopwatch?: (() => number) | undefined;
}

/** What {@link startStack} needs. */
export interface StackOptions {
  databaseUrl?: string | undefined;
  host?: string | undefined;
  authPort?: number | undefined;
  mcpPort?: number | undefined;
  serviceKey: string;
  authSecret: string;
  /** Lifetime of the tokens `POST /api/v1/auth/login` mints, e.g. `1h` (`JWT_EXPIRES_IN`). */
  jwtExpiresIn?: string | undefined;
  /** Lifetime in seconds of persona accounts' tokens (`PERSONA_TOKEN_EXPIRES_IN`; default 7 days). */
  personaTokenSeconds?: number | undefined;
  seedSecret: string;
  admin?: { email: string; password: string } | undefined;
  /** Transcripts older than this many days are purged (default 30). */
  transcriptRetentionDays?: number | undefined;
  /** The identity service's budgets of failed logins (`LOGIN_*`; default 10 / 100 per 15 min). */
  loginLimits?: LoginLimitSettings | undefined;
  /** Reverse proxies whose `X-Forwarded-For` the identity service believes (`TRUST_PROXY`). */
  trustedProxies?: number | undefined;
  logger?: Logger | undefined;
  /** Seed the persona catalog after start (default true). */
  seed?: boolean | undefined;
  /** The catalog to seed (default the target's, else the built-in one); `simulate --personas` grows it. */
  catalog?: Catalog | undefined;
  /** Start the persona runner too (omit for identity and gateway only). */
  runner?: StackRunnerOptions | undefined;
  /** The clock of due rules, stored rows and tool data (simulations pass a virtual one). */
  clock?: (() => Date) | undefined;
  /** The gateway's fault drill (default: none, switchable at `/admin/faults`). */
  faults?: FaultInjector | undefined;
  /** The clock tools see (default: `clock`). */
  appClock?: (() => Date) | undefined;
  /** Serve the operator console on this port (omit for no console). */
  consolePort?: number | undefined;
  /**
   * The app the personas live in (`--target`): its personas are seeded, it is checked
   * against its server before the runner starts, and disposed of when the stack closes.
   * Omitted (or `builtin: true`): the built-in gateway, as always.
   */
  target?: LoadedTarget | undefined;
}

/** Everything `npm start` runs, in one process. */
export interface RunningStack {
  database: DatabaseHandle;
  auth: RunningAuthService;
  mcp: RunningMcpGateway;
  runner: RunningPersonaRunner | undefined;
  console: RunningConsole | undefined;
  seed: SeedSummary | undefined;
  /** Stops the loop (the tick in flight gets `graceMs`), the services and the database. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Opens and migrates the database, starts the identity service and the MCP gateway,
 * seeds the persona catalog through the identity service (as `npm run seed:personas`
 * does), then starts the persona runner against them. On any failure it stops what it
 * had started.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const logger = options.logger ?? silentLogger();
  const database = await createDatabase(options.databaseUrl);
  const started: { close(): Promise<void> }[] = [];
  let runner: RunningPersonaRunner | undefined;
  const stopAll = async (graceMs = 0) => {
    if (runner) await runner.shutdown(graceMs);
    for (const part of started.reverse()) await part.close();
    started.length = 0;
    await database.close();
    options.target?.dispose();
  };
  try {
    await migrateDatabase(database);
    const auth = await startAuthService({
      db: database.db,
      serviceKey: options.serviceKey,
      secret: options.authSecret,
      jwtExpiresIn: options.jwtExpiresIn,
      personaTokenSeconds: options.personaTokenSeconds,
      port: options.authPort ?? 3001,
      host: options.host,
      admin: options.admin,
      transcriptRetentionDays: options.transcriptRetentionDays,
      loginLimits: options.loginLimits,
      trustedProxies: options.trustedProxies,
      // The store takes rows naming the target's modules beside the built-in app's.
      ...(options.target
        ? { modules: [...new Set([...createAppRegistry().modules(), ...options.target.modules])] }
        : {}),
      logger: logger.child({ service: 'auth' }),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    started.push(auth);
    const mcp = await startMcpGateway({
      db: database.db,
      authUrl: auth.url,
      port: options.mcpPort ?? 3069,
      host: options.host,
      logger: logger.child({ service: 'mcp' }),
      serviceKey: options.serviceKey,
      ...(options.faults ? { faults: options.faults } : {}),
      ...((options.appClock ?? options.clock) ? { now: options.appClock ?? options.clock } : {}),
    });
    started.push(mcp);
    // MCP clients that sign in through OAuth get tokens for this gateway's `/mcp` URL.
    await auth.addOAuthResource(mcp.mcpUrl);
    const seed =
      options.seed === false
        ? undefined
        : await seedPersonas({
            authUrl: auth.url,
            serviceKey: options.serviceKey,
            seedSecret: options.seedSecret,
            ...(options.catalog
              ? { catalog: options.catalog }
              : options.target
                ? { catalog: options.target.catalog }
                : {}),
          });
    if (options.target) {
      const identity = new IdentityClient({
        authUrl: auth.url,
        seedSecret: options.seedSecret,
        serviceKey: options.serviceKey,
      });
      await verifyTarget(options.target, identity, options.runner?.brain);
    }
    let consoleApp: RunningConsole | undefined;
    if (options.consolePort !== undefined) {
      consoleApp = await startConsole({
        db: database.db,
        authUrl: auth.url,
        serviceKey: options.serviceKey,
        port: options.consolePort,
        ...(options.runner?.budget ? { budget: options.runner.budget } : {}),
        host: options.host,
        logger: logger.child({ service: 'console' }),
      });
      started.push(consoleApp);
    }
    if (options.runner) {
      const r = options.runner;
      runner = await startPersonaRunner({
        authUrl: auth.url,
        mcpUrl: mcp.url,
        serviceKey: options.serviceKey,
        seedSecret: options.seedSecret,
        brain: r.brain,
        runnerId: r.runnerId ?? 'stack',
        concurrency: r.concurrency ?? 2,
        personaTimeoutMs: r.personaTimeoutMs ?? 600_000,
        ...(r.callTimeoutMs ? { callTimeoutMs: r.callTimeoutMs } : {}),
        ...(r.leaseSeconds ? { leaseSeconds: r.leaseSeconds } : {}),
        ...(r.budget ? { budget: r.budget } : {}),
        ...(r.dataDir ? { dataDir: r.dataDir } : {}),
        tickIntervalMs: r.tickIntervalMs ?? 60_000,
        paused: r.paused ?? false,
        logger: logger.child({ service: 'persona-runner' }),
        port: r.port ?? 3070,
        host: options.host,
        diagnostics: r.diagnostics ?? true,

        startLoop: r.startLoop ?? true,
        ...(r.onTick ? { onTick: r.onTick } : {}),
        ...(r.clock ? { clock: r.clock } : {}),
        ...(r.stopwatch ? { stopwatch: r.stopwatch } : {}),
        ...(options.target?.runner ? { target: options.target.runner } : {}),
      });
    }
    return { database, auth, mcp, runner, console: consoleApp, seed, close: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
