import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A listening HTTP server. */
export interface Listening {
  port: number;
  /** `http://host:port`, the URL clients use. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a fetch handler on `host:port` (port 0 picks a free one) and resolves once it
 * listens. The handler's `env` is `@hono/node-server`'s bindings (`incoming`, the socket). `close()` stops accepting, ends idle keep-alive connections and resolves
 * when the server is closed.
 */
export async function listen(
  fetch: (request: Request, env: unknown) => Response | Promise<Response>,
  options: { port: number; host?: string | undefined },
): Promise<Listening> {
  const host = options.host ?? '127.0.0.1';
  const { server, info } = await new Promise<{
    server: ReturnType<typeof serve>;
    info: AddressInfo;
  }>((resolve, reject) => {
    const s = serve({ fetch, port: options.port, hostname: host }, (info) =>
      resolve({ server: s, info }),
    );
    s.once('error', reject);
  });
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    port: info.port,
    url: `http://${urlHost}:${info.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
