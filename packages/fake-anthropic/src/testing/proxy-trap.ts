import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running {@link startProxyTrap}. */
export interface ProxyTrap {
  /** `http://127.0.0.1:<port>`, for `HTTPS_PROXY` / `HTTP_PROXY`. */
  url: string;
  /** Every destination a client tried to reach through the proxy, e.g. `CONNECT host:443`. */
  attempts: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that forwards nothing: it records where a client tried to go and refuses
 * with 403. Given to the CLI as its proxy (with `NO_PROXY` for loopback), it keeps a test
 * offline and lets it assert that nothing tried to leave the machine.
 */
export async function startProxyTrap(): Promise<ProxyTrap> {
  const attempts: string[] = [];
  const server = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    socket.on('error', () => {});
    attempts.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
