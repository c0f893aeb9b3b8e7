import { execFile } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, startGatewayHarness } from './testing/harness';

const here = dirname(fileURLToPath(import.meta.url));
const baseline = join(here, '..', 'conformance-baseline.yml');
const cli = join(
  dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/conformance/package.json')),
  'dist',
  'index.js',
);

/**
 * The conformance client cannot send a bearer token, so it talks to the gateway through
 * a loopback proxy that adds a persona's token and forwards everything else untouched
 * (Host and Origin included, for the DNS-rebinding scenario).
 */
function authProxy(target: URL, token: string): Promise<Server> {
  const server = createServer((req, res) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, authorization: `Bearer ${token}` },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('official MCP conformance suite (server mode)', () => {
  let h: GatewayHarness;
  let proxy: Server;

  beforeAll(async () => {
    h = await startGatewayHarness();
    await h.persona('conformance');
    proxy = await authProxy(new URL(h.gateway.url), await h.token('conformance'));
  });
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
    await h.close();
  });

  it('passes every applicable scenario; the rest are in the baseline with a reason', async () => {
    const url = `http://localhost:${(proxy.address() as AddressInfo).port}/mcp`;
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [cli, 'server', '--url', url, '--expected-failures', baseline],
        { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      );
    });
    const summary = output.slice(output.indexOf('=== SUMMARY ==='));
    expect(summary, summary).toContain('Baseline check passed');
    expect(code, summary).toBe(0);
    for (const scenario of [
      'server-initialize',
      'ping',
      'tools-list',
      'dns-rebinding-protection',
    ]) {
      expect(summary).toMatch(new RegExp(`✓ ${scenario}: [1-9]\\d* passed, 0 failed`));
    }
  }, 150_000);
});
