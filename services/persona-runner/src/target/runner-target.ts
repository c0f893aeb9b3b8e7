import type { DuePersona, ToolChecks } from '@mana/contracts';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { GatewayAccess } from '../brains/types';
import { type GatewaySession, openMcpSession } from '../clients/gateway';
import type { TargetSignIn } from './persona-authenticator';
import { downCause, targetFetch } from './target-fetch';

/** The MCP server of a target, as the runner reaches it. */
export type TargetConnection =
  | { kind: 'http'; url: string; headers?: Record<string, string> | undefined }
  | {
      kind: 'stdio';
      command: string;
      args: string[];
      /** Added to the SDK's safe default environment; `{persona}` is replaced per day. */
      env: Record<string, string>;
      cwd?: string | undefined;
    };

/**
 * An app other than the built-in one, as the runner's days use it: how personas sign in
 * and how a day's MCP session is opened. Built from a target file by the stack.
 */
export interface RunnerTarget {
  readonly name: string;
  /** The target's sign-in; absent: the built-in identity service's. */
  readonly signIn?: TargetSignIn | undefined;
  /** The day's connection: `connect` opens the session, `failure` says if the app died. */
  gateway(day: {
    persona: Pick<DuePersona, 'email'>;
    token: string;
    callTimeoutMs?: number | undefined;
  }): GatewayAccess;
  /**
   * Every tool name the server lists, unmapped ones included (start-up checks the target
   * file against them); opens and closes a session as `persona`.
   */
  listToolNames(persona: Pick<DuePersona, 'email'>, token: string): Promise<string[]>;
}

/** What {@link createRunnerTarget} needs. */
export interface RunnerTargetOptions {
  name: string;
  server: TargetConnection;
  signIn?: TargetSignIn | undefined;
  /** The module of a tool, or undefined when no rule maps it (the tool is not offered). */
  moduleOf: (toolName: string) => string | undefined;
  /** Checks the target file declares, by write tool (the scripted brain carries them out). */
  checks?: ReadonlyMap<string, ToolChecks> | undefined;
}

/** Characters of a stdio server's stderr kept for the message when it dies. */
const STDERR_TAIL = 400;

/** How long closing an HTTP session waits for the server to answer its DELETE. */
const TERMINATE_TIMEOUT_MS = 2_000;

/**
 * A runner target. A stdio server is started for each persona-day's session (as a
 * desktop MCP client starts its servers) and stopped when the session closes, so a
 * server that crashes costs only that day: its calls after the crash throw and
 * `failure()` answers why, which fails the day; the next day starts a fresh process.
 * An HTTP server that goes away mid-day (connection refused, reset or cut off) fails
 * the day the same way, naming its URL and the cause; the call it cut off is recorded
 * as failed, and the next day connects afresh. Each HTTP request carries the day's
 * trace context (`traceparent`). Listed tools get their module from `moduleOf`
 * (unmapped ones are dropped) and the checks the target declares.
 */
export function createRunnerTarget(options: RunnerTargetOptions): RunnerTarget {
  const { server } = options;
  const where = server.kind === 'http' ? server.url : `stdio:${server.command}`;
  const headersOf = (token: string) =>
    server.kind === 'http'
      ? { ...server.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }
      : {};
  return {
    name: options.name,
    signIn: options.signIn,
    async listToolNames(persona, token) {
      const state: DayState = { closing: false };
      const { inner, end } = await openTarget(server, { persona }, headersOf(token), state);
      try {
        return (await inner.listTools()).map((t) => t.name);
      } finally {
        state.closing = true;
        await end();
      }
    },
    gateway(day) {
      const state: DayState = { closing: false };
      // Read through a function: the state changes while a call is awaited.
      const failure = () => state.crash;
      const headers = headersOf(day.token);
      const connect = async (signal?: AbortSignal): Promise<GatewaySession> => {
        state.closing = false;
        const { inner, end } = await openTarget(server, day, headers, state, signal).catch(
          (error: unknown) => {
            // Over HTTP the day's error names the URL and the network cause, not `fetch failed`.
            throw (server.kind === 'http' && state.crash) || error;
          },
        );
        return {
          async listTools() {
            if (state.crash) throw state.crash;
            const listed = await inner.listTools();
            return listed.flatMap((tool) => {
              const module = options.moduleOf(tool.name);
              if (!module) return [];
              const checks = options.checks?.get(tool.name);
              return [{ ...tool, module, ...(checks ? { checks } : {}) }];
            });
          },
          async callTool(name, input) {
            if (state.crash) throw state.crash;
            const result = await inner.callTool(name, input);
            // The call the server's death cut off says so, not just `fetch failed`.
            const died = failure();
            if (!result.ok && died) {
              return { ...result, errorMessage: died.message, errorKind: 'transport' };
            }
            return result;
          },
          close: () => {
            state.closing = true;
            return end();
          },
        };
      };
      return {
        url: where,
        headers,
        ...(day.callTimeoutMs ? { callTimeoutMs: day.callTimeoutMs } : {}),
        connect,
        failure,
      };
    },
  };
}

/**
 * A day's session state: whether the runner is closing it, and why the server died (or
 * could not be reached) if it did.
 */
interface DayState {
  closing: boolean;
  crash?: Error;
}

/**
 * Opens one MCP session with the target's server (starting it, for stdio). `end` closes
 * it; over HTTP it first ends the server's session (a DELETE with its `Mcp-Session-Id`,
 * as the spec asks of a client that is done), so a long run does not leave one session a
 * persona-day open on the app. A server that refuses or does not answer within
 * {@link TERMINATE_TIMEOUT_MS} is closed on anyway. An HTTP server that goes away sets
 * `state.crash` (see {@link targetFetch}) and closes the session, so a call waiting on
 * it ends at once; one that cannot be reached sets it too, and the opening fails.
 */
async function openTarget(
  server: TargetConnection,
  day: { persona: Pick<DuePersona, 'email'>; callTimeoutMs?: number | undefined },
  headers: Record<string, string>,
  state: DayState,
  signal?: AbortSignal,
): Promise<{ inner: GatewaySession; end: () => Promise<void> }> {
  let stderr = '';
  let transport: Transport;
  let http: StreamableHTTPClientTransport | undefined;
  let connected = false;
  if (server.kind === 'http') {
    const down = (error: unknown) => {
      if (state.closing || state.crash) return;
      const why = downCause(error) ?? String(error);
      state.crash = new Error(
        connected
          ? `the MCP server at ${server.url} stopped answering mid-day (${why})`
          : `the MCP server at ${server.url} cannot be reached (${why})`,
        { cause: error },
      );
      // A call waiting on an answer stream that broke would wait to its deadline. (While
      // connecting, the failed request itself fails the opening.)
      if (connected) http?.close().catch(() => {});
    };
    const created = new StreamableHTTPClientTransport(new URL(server.url), {
      requestInit: { headers },
      fetch: targetFetch(down),
    });
    // A JSON answer whose body breaks reaches only here (with its cause); the client
    // chains this handler when it connects.
    created.onerror = (error) => {
      if (downCause(error)) down(error);
    };
    http = created;
    transport = created;
  } else {
    const stdio = new StdioClientTransport({
      command: server.command,
      args: server.args,
      env: { ...getDefaultEnvironment(), ...personaEnv(server.env, day.persona.email) },
      ...(server.cwd ? { cwd: server.cwd } : {}),
      stderr: 'pipe',
    });
    stdio.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
    });
    transport = stdio;
  }
  const inner = await openMcpSession(
    transport,
    {
      ...(day.callTimeoutMs ? { callTimeoutMs: day.callTimeoutMs } : {}),
      onClose: () => {
        if (state.closing || server.kind !== 'stdio') return;
        const said = stderr.trim() ? ` (its stderr: ${stderr.trim()})` : '';
        state.crash = new Error(`the MCP server ${server.command} exited mid-day${said}`);
      },
    },
    signal,
  );
  connected = true;
  const end = async () => {
    // A server that went away has no session left to end.
    if (http && !state.crash) await terminateWithin(http, TERMINATE_TIMEOUT_MS);
    await inner.close();
  };
  return { inner, end };
}

/** Ends the HTTP session on the server; gives up quietly on an error or after `ms`. */
async function terminateWithin(http: StreamableHTTPClientTransport, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([http.terminateSession().catch(() => {}), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The server's env with `{persona}` replaced by the persona's email, safe for a file name. */
function personaEnv(env: Record<string, string>, email: string): Record<string, string> {
  const slug = email.toLowerCase().replace(/[^a-z0-9.-]+/g, '_');
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value.replaceAll('{persona}', slug)]),
  );
}
