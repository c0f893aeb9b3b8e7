import { parseArgs } from 'node:util';
import { users } from '@mana/db';
import { IdentityClient } from '@mana/persona-runner';
import { startStack } from '@mana/stack';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

// `npm run bench:login [-- --attackers 20 --calls 100 --runs 3]`: does a burst of
// wrong-password logins slow the rest of `npm start`? One process runs the identity
// service and the gateway, as `npm start` does; a persona calls `todo.list` through the
// gateway `--calls` times alone, then again while `--attackers` clients post wrong
// passwords without pause (the failure budgets raised, as for an attacker with many
// addresses and accounts). Once with hashing limited to every core but one (the
// default), once unlimited (64 at once, as before); the p50 of each, median of `--runs`.
const { values } = parseArgs({
  options: {
    attackers: { type: 'string', default: '20' },
    calls: { type: 'string', default: '100' },
    runs: { type: 'string', default: '3' },
  },
});
const attackers = Number(values.attackers);
const calls = Number(values.calls);
const runs = Number(values.runs);
const secrets = {
  serviceKey: 'bench-key',
  authSecret: 'bench-better-auth-secret-0123456789abcdef',
  seedSecret: 'bench-seed',
};
const WIDE_OPEN = { windowSeconds: 900, blockSeconds: 900 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};

async function measure(maxConcurrentHashes: number | undefined) {
  const stack = await startStack({
    databaseUrl: 'memory://',
    authPort: 0,
    mcpPort: 0,
    ...secrets,
    loginLimits: {
      ...WIDE_OPEN,
      maxFailuresPerAccount: 1_000_000,
      maxFailuresPerAddress: 1_000_000,
      maxConcurrentHashes,
    },
  });
  try {
    const identity = new IdentityClient({
      authUrl: stack.auth.url,
      seedSecret: secrets.seedSecret,
    });
    const email = 'persona.anna@mana.test';
    const { token } = await identity.login(email);
    const [space] = await identity.spaces(token);
    if (!space) throw new Error(`${email} has no space`);
    const client = new Client({ name: 'bench-login', version: '0.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${stack.mcp.url}/mcp`), {
        requestInit: {
          headers: { authorization: `Bearer ${token}`, 'x-mana-space': space.id },
        },
      }),
    );
    const listTimes = async () => {
      const times: number[] = [];
      for (let i = 0; i < calls; i++) {
        const t0 = performance.now();
        await client.callTool({ name: 'todo.list', arguments: {} });
        times.push(performance.now() - t0);
      }
      return median(times);
    };
    const quiet = await listTimes();
    const emails = (await stack.database.db.select({ email: users.email }).from(users)).map(
      (u) => u.email,
    );
    let stop = false;
    let logins = 0;
    const attack = Array.from({ length: attackers }, async (_, i) => {
      while (!stop) {
        await fetch(`${stack.auth.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: emails[i % emails.length], password: 'wrong-password' }),
        });
        logins += 1;
      }
    });
    // Let the attack reach its stride before measuring.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const t0 = performance.now();
    const loaded = await listTimes();
    const seconds = (performance.now() - t0) / 1000;
    stop = true;
    await Promise.all(attack);
    await client.close();
    return { quiet, loaded, loginsPerSecond: logins / seconds };
  } finally {
    await stack.close();
  }
}

const rows: string[] = [];
for (const [label, limit] of [
  ['limited (default)', undefined],
  ['unlimited (64)', 64],
] as const) {
  const results = [];
  for (let r = 0; r < runs; r++) results.push(await measure(limit));
  const q = median(results.map((x) => x.quiet));
  const l = median(results.map((x) => x.loaded));
  const lps = median(results.map((x) => x.loginsPerSecond));
  rows.push(
    `${label.padEnd(18)} todo.list p50 alone ${q.toFixed(1)} ms, under ${attackers} login loops ${l.toFixed(1)} ms (${(l / q).toFixed(1)}×), ${lps.toFixed(0)} wrong logins/s`,
  );
}
process.stdout.write(`${rows.join('\n')}\n`);
