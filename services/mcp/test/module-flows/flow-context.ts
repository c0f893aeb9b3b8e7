import { selectRows } from '@mana/db';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { GatewayHarness } from '../../src/testing/harness';

/** An item as tools return it: an id plus fields the flows compare. */
export type Item = { id: string; [field: string]: unknown };
/** A stored row of a module table, by column name. */
export type Row = Record<string, unknown>;

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
}

/** What the flows run against; set up once, in the suite's beforeAll. */
export interface FlowWorld {
  harness: GatewayHarness;
  annaId: string;
  personalId: string;
  familyId: string;
  /** Anna in her personal space: every module flow runs here. */
  anna: Client;
  annaFamily: Client;
  benFamily: Client;
  /** The UTC calendar day (YYYY-MM-DD) of the whole run; see {@link runDay}. */
  today: string;
}

/**
 * What every module flow gets. It exists before the world does (flows declare their
 * `it` cases at collection time), so the world is read lazily, inside the cases.
 */
export interface FlowContext {
  /** Every tool name {@link FlowContext.call} has called, across all flows. */
  readonly called: Set<string>;
  /** The world; throws when read before {@link FlowContext.open}. */
  readonly world: FlowWorld;
  /** Hands the context its world; the suite calls this once in beforeAll. */
  open(world: FlowWorld): void;
  /**
   * Calls a tool that must succeed, as Anna in her personal space unless `client` is
   * given; records its name in `called` and returns its structured content.
   */
  call<T>(name: string, args?: Record<string, unknown>, client?: Client): Promise<T>;
  /** The stored row of a module table, which must exist. */
  stored(table: string, id: string): Promise<Row>;
  /** What every row Anna writes in her personal space carries. */
  mine(): { space_id: string; created_by: string };
  /** The calendar day (UTC) `offset` days from the run's day, as the tools count days. */
  day(offset?: number): string;
}

const DAY = 24 * 60 * 60_000;

/** A raw timestamp column (Date or driver text) as an ISO string, to compare with tool output. */
export const instant = (value: unknown) =>
  new Date(
    value instanceof Date
      ? value
      : String(value)
          .replace(' ', 'T')
          .replace(/([+-]\d\d)$/, '$1:00'),
  ).toISOString();

/** The ids of items, in order. */
export const ids = (items: Item[]) => items.map((i) => i.id);

/**
 * The UTC day the run happens on. The gateway reads the wall clock for "today", so a run
 * that crossed UTC midnight would see two days: when midnight is nearer than `marginMs`
 * (far more than the suite takes), wait until it has passed.
 */
export async function runDay(marginMs = 30_000): Promise<string> {
  const untilMidnight = DAY - (Date.now() % DAY);
  if (untilMidnight < marginMs) await new Promise((r) => setTimeout(r, untilMidnight + 1_000));
  return new Date().toISOString().slice(0, 10);
}

/** A context for the module flows, empty until {@link FlowContext.open}. */
export function createFlowContext(): FlowContext {
  const called = new Set<string>();
  let opened: FlowWorld | undefined;
  const world = (): FlowWorld => {
    if (!opened) throw new Error('The flow context is read before beforeAll opened it');
    return opened;
  };

  return {
    called,
    get world() {
      return world();
    },
    open(next) {
      opened = next;
    },
    async call<T>(name: string, args: Record<string, unknown> = {}, client = world().anna) {
      called.add(name);
      const result = (await client.callTool({ name, arguments: args })) as ToolResult;
      expect(result.isError ?? false, `${name}: ${result.content[0]?.text}`).toBe(false);
      expect(result.structuredContent).toBeDefined();
      expect(JSON.parse(result.content[0]?.text ?? 'null')).toEqual(result.structuredContent);
      return result.structuredContent as T;
    },
    async stored(table, id) {
      const [row] = await selectRows<Row>(
        world().harness.db,
        sql`select * from ${sql.identifier('app')}.${sql.identifier(table)} where id = ${id}`,
      );
      expect(row, `${table} ${id}`).toBeDefined();
      return row as Row;
    },
    mine: () => ({ space_id: world().personalId, created_by: world().annaId }),
    day: (offset = 0) =>
      new Date(Date.parse(`${world().today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10),
  };
}
