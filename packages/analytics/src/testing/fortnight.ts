import type { ActionOutcome, ErrorKind } from '@mana/contracts';
import { type Database, personaActions, personaFeedback, personas, users } from '@mana/db';
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { rng } from './synthetic';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** What breaks, from `fromDay` on (0 = the first simulated day). */
export interface FaultPlan {
  fromDay: number;
  /** App errors on this share of the tool's calls. */
  failing?: { tool: string; rate: number };
  /** A tightened validation: this share of the tool's calls is refused with a new message. */
  newRefusal?: { tool: string; message: string; rate: number };
  /** Latency multiplied by `factor`. */
  slow?: { tool: string; factor: number };
  /** The write answers ok, but reading it back shows nothing. */
  silentWrite?: { tool: string };
  /** Personas like the module less (by `stars`), nothing else changes. */
  ratingDrop?: { module: string; stars: number };
}

interface ToolDef {
  tool: string;
  write: boolean;
  latencyMs: number;
  /** What a persona's mistakes get back from this tool (the chaos noise). */
  refusals: string[];
}

const MODULES: Record<string, ToolDef[]> = {
  todo: [
    {
      tool: 'todo.list',
      write: false,
      latencyMs: 18,
      refusals: ['"status" must be one of open, done'],
    },
    {
      tool: 'todo.create',
      write: true,
      latencyMs: 30,
      refusals: ['"title" is required', 'due date "31.02.2026" is not a date'],
    },
    {
      tool: 'todo.complete',
      write: true,
      latencyMs: 25,
      refusals: ['no todo with id 3f1b2c4d-1111-4a2b-9c3d-5e6f7a8b9c0d in this space'],
    },
  ],
  notes: [
    {
      tool: 'notes.search',
      write: false,
      latencyMs: 35,
      refusals: ['"query" must be at least 2 characters'],
    },
    { tool: 'notes.create', write: true, latencyMs: 40, refusals: ['"body" is required'] },
  ],
  journal: [
    { tool: 'journal.list', write: false, latencyMs: 20, refusals: [] },
    {
      tool: 'journal.create_entry',
      write: true,
      latencyMs: 45,
      refusals: ['"mood" must be between 1 and 5, got 7'],
    },
  ],
  habits: [
    { tool: 'habits.recent_logs', write: false, latencyMs: 15, refusals: [] },
    {
      tool: 'habits.log',
      write: true,
      latencyMs: 28,
      refusals: ['no habit with id 9a8b7c6d-2222-4b3c-8d4e-6f7a8b9c0d1e'],
    },
  ],
};

const PERSONAS = [
  { id: 'p-anna', chaos: 0.05, modules: ['todo', 'journal', 'notes'] },
  { id: 'p-ben', chaos: 0.08, modules: ['todo', 'habits'] },
  { id: 'p-maya', chaos: 0.3, modules: ['todo', 'journal'] },
  { id: 'p-kai', chaos: 0.04, modules: ['notes', 'habits', 'journal'] },
  { id: 'p-lena', chaos: 0.06, modules: ['journal', 'notes', 'todo'] },
  { id: 'p-tom', chaos: 0.1, modules: ['todo', 'habits', 'notes'] },
];

type ActionInsert = PgInsertValue<typeof personaActions>;
type FeedbackInsert = typeof personaFeedback.$inferInsert;

/**
 * Writes a synthetic fortnight of persona life: 6 personas, 3 ticks a day each, every
 * tick a few calls per module (read, write, and often a read-back that checks the
 * write), chaos mistakes refused as invalid input in proportion to each persona's
 * chaos, rare app errors, jittery latencies with occasional spikes, and ratings that
 * follow what the persona experienced. `faults` breaks things from a given day on.
 * Deterministic for a seed. Returns the end of the last day.
 */
export async function seedFortnight(
  db: Database,
  options: { start: Date; days?: number; seed?: number; faults?: FaultPlan },
): Promise<Date> {
  const rand = rng(options.seed ?? 1);
  const days = options.days ?? 14;
  const f = options.faults;
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  for (const p of PERSONAS) {
    await db
      .insert(users)
      .values({ id: p.id, name: p.id, email: `${p.id}@mana.test`, kind: 'persona' });
    await db.insert(personas).values({
      userId: p.id,
      archetype: 'synthetic',
      systemPrompt: 'You are synthetic.',
      moduleMix: Object.fromEntries(p.modules.map((m) => [m, 1])),
      tickCadence: 'daily',
      traits: { chaos: p.chaos },
    });
  }
  const actions: ActionInsert[] = [];
  const feedback: FeedbackInsert[] = [];
  for (let day = 0; day < days; day++) {
    const faulty = f !== undefined && day >= f.fromDay;
    for (const p of PERSONAS) {
      for (const hour of [8, 13, 20]) {
        const tickId = `t-${p.id}-${day}-${hour}`;
        let at =
          options.start.getTime() + day * DAY + hour * HOUR + Math.floor(rand() * 40) * 60_000;
        let seq = 0;
        const used = p.modules.filter(() => rand() < 0.75);
        for (const module of used) {
          let trouble = 0;
          for (const def of MODULES[module] ?? []) {
            const repeats = def.write ? 1 + Math.floor(rand() * 2) : 1;
            for (let r = 0; r < repeats; r++) {
              at += 1000 + Math.floor(rand() * 4000);
              const row = call(def, p.chaos, faulty ? f : undefined);
              trouble += row.outcome === 'ok' ? 0 : 1;
              const mySeq = seq++;
              const checked = def.write && row.outcome === 'ok' && rand() < 0.6;
              const silent = checked && faulty && f?.silentWrite?.tool === def.tool;
              actions.push({
                id: `${tickId}-${mySeq}-${def.tool}`,
                personaId: p.id,
                tickId,
                seq: mySeq,
                toolName: def.tool,
                module,
                spaceId: `space-${p.id}`,
                result: row.kind ? 'error' : 'ok',
                outcome: silent ? 'check_failed' : row.outcome,
                errorKind: row.kind,
                errorMessage: row.message,
                errorSignature: row.message ? sql`auth.error_signature(${row.message})` : null,
                latencyMs: row.latencyMs,
                checkStatus: checked ? (silent ? 'failed' : 'passed') : null,
                checkExpected: silent ? `the new ${module} item in the list` : null,
                checkSeen: silent ? 'the list without it' : null,
                checkBy: checked ? mySeq + 1 : null,
                createdAt: new Date(at),
              });
              if (checked) {
                const read = (MODULES[module] ?? []).find((d) => !d.write) as ToolDef;
                at += 800;
                const readSeq = seq++;
                actions.push({
                  id: `${tickId}-${readSeq}-${read.tool}`,
                  personaId: p.id,
                  tickId,
                  seq: readSeq,
                  toolName: read.tool,
                  module,
                  spaceId: `space-${p.id}`,
                  result: 'ok',
                  outcome: 'ok',
                  latencyMs: latency(read, faulty ? f : undefined),
                  checkOf: mySeq,
                  createdAt: new Date(at),
                });
              }
            }
          }
          const drop = faulty && f?.ratingDrop?.module === module ? f.ratingDrop.stars : 0;
          const base = rand() < 0.55 ? 5 : rand() < 0.8 ? 4 : 3;
          feedback.push({
            id: `${tickId}-${module}`,
            personaId: p.id,
            tickId,
            module,
            rating: Math.max(1, Math.min(5, base - Math.min(trouble, 2) - drop)),
            notes: trouble > 0 ? `${module} gave me ${trouble} errors` : `${module} worked`,
            createdAt: new Date(at + 30_000),
          });
        }
      }
    }
  }
  for (let i = 0; i < actions.length; i += 400)
    await db.insert(personaActions).values(actions.slice(i, i + 400));
  for (let i = 0; i < feedback.length; i += 400)
    await db.insert(personaFeedback).values(feedback.slice(i, i + 400));
  return new Date(options.start.getTime() + days * DAY);

  function latency(def: ToolDef, fault: FaultPlan | undefined): number {
    const spike = rand() < 0.02 ? 3 + rand() * 4 : 1;
    const factor = fault?.slow?.tool === def.tool ? fault.slow.factor : 1;
    return Math.max(1, Math.round(def.latencyMs * Math.exp(0.25 * normal()) * spike * factor));
  }

  function call(
    def: ToolDef,
    chaos: number,
    fault: FaultPlan | undefined,
  ): { outcome: ActionOutcome; kind: ErrorKind | null; message: string | null; latencyMs: number } {
    const ms = latency(def, fault);
    if (fault?.newRefusal?.tool === def.tool && rand() < fault.newRefusal.rate) {
      return {
        outcome: 'invalid_input',
        kind: 'invalid_input',
        message: fault.newRefusal.message,
        latencyMs: 3,
      };
    }
    if (def.refusals.length > 0 && rand() < chaos) {
      const message = def.refusals[Math.floor(rand() * def.refusals.length)] as string;
      return { outcome: 'invalid_input', kind: 'invalid_input', message, latencyMs: 3 };
    }
    const failing = fault?.failing?.tool === def.tool ? fault.failing.rate : 0;
    if (rand() < failing || rand() < 0.004) {
      const message = `Internal error: ${def.tool} failed unexpectedly (request ${Math.floor(rand() * 1e6)})`;
      return { outcome: 'app_error', kind: 'app_error', message, latencyMs: ms };
    }
    if (rand() < 0.002)
      return {
        outcome: 'timeout',
        kind: 'timeout',
        message: 'the call timed out after 30000 ms',
        latencyMs: 30_000,
      };
    return { outcome: 'ok', kind: null, message: null, latencyMs: ms };
  }
}
