import { createServer, request as httpRequest } from 'node:http';

/**
 * A loopback HTTP proxy in front of the MCP gateway that answers 503 to requests whose
 * user agent matches `refuse` and forwards everything else: the runner's own MCP client
 * gets through while the Claude Code CLI does not, as when the gateway fails between the
 * brain's tool listing and the CLI's connection.
 */
export async function startUserAgentGate(target: string, refuse: RegExp) {
  const upstream = new URL(target);
  const refused: string[] = [];
  const server = createServer((req, res) => {
    const agent = req.headers['user-agent'] ?? '';
    if (refuse.test(agent)) {
      refused.push(agent);
      res.writeHead(503, { 'content-type': 'text/plain' }).end('gateway down');
      req.resume();
      return;
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
