import type { ClaimBudget } from '@mana/contracts';
import type { Database } from '@mana/db';
import { listen } from '@mana/http';
import type { Logger } from 'pino';
import { type ConsoleApp, createApp } from './app';

/** What {@link startConsole} needs; the database must be migrated. */
export interface StartConsoleOptions {
  db: Database;
  /** Base URL of the identity service (sign-in, JWKS). */
  authUrl: string;
  /** The `iss` of access tokens when it differs from `authUrl`. */
  issuer?: string | undefined;
  serviceKey: string;
  /** 0 picks a free port. */
  port: number;
  host?: string | undefined;
  logger?: Logger | undefined;
  now?: () => Date;
  trustedOrigins?: string[] | undefined;
  /** The runners' daily limits, for the overview's spend notice. */
  budget?: ClaimBudget | undefined;
}

/** A running console. */
export interface RunningConsole {
  /** `http://host:port`. */
  url: string;
  app: ConsoleApp;
  close(): Promise<void>;
}

/**
 * Starts the operator console on a port.
 *
 * @example
 * const console = await startConsole({ db, authUrl: 'http://127.0.0.1:3001', serviceKey, port: 3000 });
 */
export async function startConsole(options: StartConsoleOptions): Promise<RunningConsole> {
  const app = createApp({
    db: options.db,
    authUrl: options.authUrl,
    serviceKey: options.serviceKey,
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.trustedOrigins ? { trustedOrigins: options.trustedOrigins } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  });
  const server = await listen(app.fetch, { port: options.port, host: options.host });
  return { url: server.url, app, close: server.close };
}
