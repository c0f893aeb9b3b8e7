import { ERROR_KIND_META_KEY } from '@mana/contracts';
import { type GatewayHarness, startGatewayHarness } from '@mana/mcp/testing';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { forgeTokens } from './forgeries';
import { hostileArbitrary, type JsonSchema, validArbitrary } from './schema-arbitrary';

/** How much to try; the same seed tries the same inputs. */
export interface AttackOptions {
  seed: number;
  /** Valid-shaped calls per tool (they also create the rows the probes aim at). */
  validPerTool: number;
  /** Calls per tool with one hostile field. */
  hostilePerTool: number;
  /** Ids of space A tried in each id field of each tool, from space B. */
  probesPerField: number;
}

/** What a class of attack tried and how it was answered. */
export interface AttackCounts {
  tried: number;
  clean: number;
  problems: number;
}

/** One answer that was not clean, to print and fix. */
export interface Problem {
  kind: 'fuzz' | 'token' | 'cross-space';
  what: string;
  answer: string;
}

export interface AttackReport {
  fuzz: AttackCounts;
  tokens: AttackCounts;
  probes: AttackCounts & { crossSpace: number };
  problems: Problem[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Answer {
  clean: boolean;
  ok: boolean;
  text: string;
  output?: Record<string, unknown> | undefined;
}

/**
 * Calls a tool through the official client and judges the answer: a result, an
 * `isError` result the app refused (`invalid_input`) and a -32602 are clean; an
 * `app_error` result (a crash), any other protocol error or a transport failure is not.
 */
async function judge(client: Client, name: string, args: unknown): Promise<Answer> {
  try {
    const result = await client.callTool({ name, arguments: args as Record<string, unknown> });
    const text = JSON.stringify(result.content).slice(0, 300);
    if (!result.isError)
      return { clean: true, ok: true, text, output: result.structuredContent as Answer['output'] };
    const kind = (result._meta as Record<string, unknown> | undefined)?.[ERROR_KIND_META_KEY];
    return { clean: kind === 'invalid_input', ok: false, text };
  } catch (error) {
    // A transport failure ("fetch failed") says why only in its cause: keep it.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
    const reason = cause ? ` (${(cause as { code?: string }).code ?? ''} ${cause.message})` : '';
    const text = error instanceof Error ? `${error.message}${reason}`.slice(0, 300) : String(error);
    return { clean: error instanceof McpError && error.code === -32602, ok: false, text };
  }
}

/** Every id (`id`, `…Id`) in a tool's output, except the caller's own user and space. */
function idsIn(value: unknown, found: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    if (
      (key === 'id' || key.endsWith('Id')) &&
      key !== 'spaceId' &&
      key !== 'userId' &&
      UUID.test(value)
    )
      found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) idsIn(item, found, key);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) idsIn(v, found, k);
  }
}

function idFields(schema: JsonSchema): string[] {
  const isId = (s: JsonSchema): boolean => s.format === 'uuid' || (s.anyOf ?? []).some(isId);
  return Object.entries(schema.properties ?? {})
    .filter(([, s]) => isId(s))
    .map(([k]) => k);
}

/**
 * Runs the attack suite against a fresh identity service and gateway: schema-driven
 * fuzzing of every exposed tool as persona A in its personal space, token forgeries, and
 * every id A's calls produced tried in every id field of every tool by persona B from
 * B's own space. A cross-space access is a successful answer that shows A's id.
 */
export async function runAttack(options: AttackOptions): Promise<AttackReport> {
  const h: GatewayHarness = await startGatewayHarness();
  try {
    await h.persona('attacker-a');
    await h.persona('attacker-b');
    const tokenA = await h.token('attacker-a');
    const a = await h.connect({ authorization: `Bearer ${tokenA}` });
    const b = await h.connect({ authorization: `Bearer ${await h.token('attacker-b')}` });
    const tools = (await a.listTools()).tools;
    const report: AttackReport = {
      fuzz: { tried: 0, clean: 0, problems: 0 },
      tokens: { tried: 0, clean: 0, problems: 0 },
      probes: { tried: 0, clean: 0, problems: 0, crossSpace: 0 },
      problems: [],
    };
    const idsOfA = new Map<string, Set<string>>();
    let seed = options.seed;

    for (const tool of tools) {
      const schema = tool.inputSchema as JsonSchema;
      const module = tool.name.split('.')[0] as string;
      const inputs = [
        ...fc.sample(validArbitrary(schema), { seed: seed++, numRuns: options.validPerTool }),
        ...fc.sample(hostileArbitrary(schema), { seed: seed++, numRuns: options.hostilePerTool }),
      ];
      for (const input of inputs) {
        const answer = await judge(a, tool.name, input);
        count(report.fuzz, answer.clean);
        if (!answer.clean)
          report.problems.push({
            kind: 'fuzz',
            what: `${tool.name} ${preview(input)}`,
            answer: answer.text,
          });
        if (answer.ok) {
          const ids = idsOfA.get(module) ?? new Set<string>();
          idsIn(answer.output, ids);
          idsOfA.set(module, ids);
        }
      }
    }

    for (const forged of await forgeTokens(h, tokenA)) {
      const status = await postWith(h, forged.token);
      const clean = status === 401;
      count(report.tokens, clean);
      if (!clean)
        report.problems.push({ kind: 'token', what: forged.name, answer: `HTTP ${status}` });
    }

    for (const tool of tools) {
      const schema = tool.inputSchema as JsonSchema;
      const module = tool.name.split('.')[0] as string;
      const ids = [...(idsOfA.get(module) ?? [])].slice(0, options.probesPerField);
      for (const field of idFields(schema)) {
        const bases = fc.sample(validArbitrary(schema), { seed: seed++, numRuns: ids.length });
        for (const [i, id] of ids.entries()) {
          const input = { ...(bases[i] as Record<string, unknown>), [field]: id };
          const answer = await judge(b, tool.name, input);
          const leaked = answer.ok && JSON.stringify(answer.output ?? {}).includes(id);
          count(report.probes, answer.clean && !leaked);
          if (leaked) report.probes.crossSpace += 1;
          if (!answer.clean || leaked)
            report.problems.push({
              kind: 'cross-space',
              what: `${tool.name}.${field}=${id} from space B`,
              answer: answer.text,
            });
        }
      }
    }
    return report;
  } finally {
    await h.close();
  }
}

function count(counts: AttackCounts, clean: boolean): void {
  counts.tried += 1;
  if (clean) counts.clean += 1;
  else counts.problems += 1;
}

function preview(input: unknown): string {
  return JSON.stringify(input).slice(0, 200);
}

async function postWith(h: GatewayHarness, token: string): Promise<number> {
  const response = await fetch(h.gateway.mcpUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'todo.list', arguments: {} },
    }),
  });
  await response.body?.cancel();
  return response.status;
}

/** The counts as lines for a person (and for the closing note). */
export function formatReport(report: AttackReport): string {
  const line = (name: string, c: AttackCounts) =>
    `${name.padEnd(12)} tried ${c.tried}  clean ${c.clean}  problems ${c.problems}`;
  return [
    line('tool fuzz', report.fuzz),
    line('tokens', report.tokens),
    `${line('id probes', report.probes)}  cross-space accesses ${report.probes.crossSpace}`,
    ...report.problems.slice(0, 20).map((p) => `  ${p.kind}: ${p.what} → ${p.answer}`),
  ].join('\n');
}
