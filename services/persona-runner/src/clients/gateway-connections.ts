import { AsyncLocalStorage } from 'node:async_hooks';
import { HEADERS } from '@mana/contracts';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { GatewayAccess } from '../brains/types';
import { withOwnSignal } from '../target/with-own-signal';
import { tracePropagatingFetch } from '../telemetry/tool-span';
import {
  callTool,
  DEFAULT_CALL_TIMEOUT_MS,
  GatewayRefusedError,
  type GatewaySession,
  type GatewayTool,
  lazyOutputValidation,
  listAllTools,
  type OutputValidation,
  refusalOf,
  sessionRequests,
} from './gateway';

/** The headers of the day whose request is being sent (token, space, modules). */
const dayHeaders = new AsyncLocalStorage<Record<string, string>>();

/** One gateway and module set: its client, tool list and compiled output validators. */
interface Connection {
  client: Promise<Client>;
  tools: Promise<GatewayTool[]> | undefined;
  validation: OutputValidation;
}

/**
 * The runner's MCP clients of the gateway, one per gateway URL and module set, shared by
 * every persona-day: the client is initialized once, the tool list fetched once and each
 * tool's output validator compiled once (a fresh client, list and validators per day cost
 * ≈ 47 ms of CPU, issue 11). The gateway is stateless, so one client serves many days at
 * once; each request still carries its own day's headers (the persona's token, the space
 * of the day), put on by the client's `fetch` from the day's async context.
 *
 * A day's {@link open} sends nothing: its first request is its check. A request the
 * gateway refuses (401 or 403: a token or space no longer taken) throws a
 * `GatewayRefusedError`, never a failed call, and tells `access.refused`, which fails the
 * day. (A ping per day to find out first cost a gateway request, an account and
 * membership read and ≈ 4 ms of CPU on every day, for the rare day that is refused.)
 *
 * @example
 * const connections = new GatewayConnections();
 * const session = await connectGateway({ url, headers, connections }, signal);
 */
export class GatewayConnections {
  readonly #validator = new AjvJsonSchemaValidator();
  /** Compiled output validators by schema, shared by every module set's client. */
  readonly #compiled = new Map<string, (output: unknown) => string | undefined>();
  readonly #connections = new Map<string, Connection>();
  readonly #fetch: FetchLike;

  /** `fetch` defaults to one that sends the day's trace context (`traceparent`). */
  constructor(options: { fetch?: FetchLike | undefined } = {}) {
    this.#fetch = options.fetch ?? tracePropagatingFetch;
  }

  /** Clients made so far (one per gateway and module set). */
  get size(): number {
    return this.#connections.size;
  }

  /** A day's session over the shared client of its gateway and modules. */
  async open(access: GatewayAccess, signal?: AbortSignal): Promise<GatewaySession> {
    const refuse = (error: unknown): never => {
      const refusal = refusalOf(error);
      if (refusal instanceof GatewayRefusedError) access.refused?.(refusal);
      throw refusal;
    };
    const connection = this.#connection(access);
    // A new client initializes with the first day's headers: that day may be refused there.
    const client = await connection.client.catch(refuse);
    const timeout = access.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const asDay = <T>(send: () => Promise<T>) => dayHeaders.run(access.headers, send).catch(refuse);
    const requests = sessionRequests(client, timeout, signal);
    const request = {
      list: (params: Parameters<typeof requests.list>[0]) => asDay(() => requests.list(params)),
      call: (params: Parameters<typeof requests.call>[0]) => asDay(() => requests.call(params)),
    };
    return {
      listTools: async () => {
        if (!connection.tools) {
          const listing = listAllTools(request).then((tools) => {
            for (const tool of tools) {
              if (tool.outputSchema)
                connection.validation.schemas.set(tool.name, tool.outputSchema);
            }
            return tools;
          });
          connection.tools = listing;
          // A failed listing is not kept: the next day lists again.
          listing.catch(() => {
            if (connection.tools === listing) connection.tools = undefined;
          });
        }
        return [...(await connection.tools)];
      },
      callTool: (name, input) => callTool(request, connection.validation, name, input, signal),
      // The client outlives the day; the runner closes it (see `close`).
      close: async () => {},
    };
  }

  /** Closes every client (the runner stops). */
  async close(): Promise<void> {
    const connections = [...this.#connections.values()];
    this.#connections.clear();
    await Promise.all(
      connections.map((c) => c.client.then((client) => client.close()).catch(() => undefined)),
    );
  }

  #connection(access: GatewayAccess): Connection {
    const key = `${access.url}\n${headerOf(access.headers, HEADERS.modules) ?? ''}`;
    let connection = this.#connections.get(key);
    if (connection) return connection;
    const client = new Client(
      { name: 'mana-persona-runner', version: '0.1.0' },
      { jsonSchemaValidator: this.#validator },
    );
    const transport = new StreamableHTTPClientTransport(new URL(access.url), {
      // A signal per request: the SDK hands every fetch the transport's one signal, and
      // undici's listeners on it piled up until Node warned (after ~1500 calls).
      fetch: (url, init) => this.#fetch(url, withOwnSignal(withDayHeaders(init))),
    });
    const connecting = dayHeaders.run(access.headers, () => client.connect(transport));
    connection = {
      client: connecting.then(() => client),
      tools: undefined,
      validation: lazyOutputValidation(this.#validator, this.#compiled),
    };
    const made = connection;
    this.#connections.set(key, made);
    // A client that could not connect is not kept: the next day tries again.
    made.client.catch(() => {
      if (this.#connections.get(key) === made) this.#connections.delete(key);
    });
    return made;
  }
}

/** `init` with the current day's headers set on top of the transport's own. */
function withDayHeaders(init: RequestInit | undefined): RequestInit {
  const day = dayHeaders.getStore();
  if (!day) return init ?? {};
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(day)) headers.set(name, value);
  return { ...init, headers };
}

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}
