import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionRow, TickRecord } from '@mana/contracts';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal, JournalLockedError } from './journal';
import type { PendingWrite } from './outbox';

const row = (tickId: string, index: number, extra: Partial<ActionRow> = {}): ActionRow => ({
  tickId,
  index,
  toolName: 'todo.create',
  module: 'todo',
  spaceId: 'space-1',
  inputHash: 'h',
  result: 'ok',
  latencyMs: 3,
  ...extra,
});
const running: TickRecord = {
  status: 'running',
  startedAt: '2026-11-25T09:00:00.000Z',
  runnerId: 'r1',
  brain: 'scripted',
  model: 'scripted',
};
const tickWrite = (tickId: string): PendingWrite => ({
  kind: 'tick',
  personaId: 'p1',
  tickId,
  record: running,
});

/** A journal in a fresh directory, and the warnings it logged. */
function openJournal(dir: string) {
  const warnings: string[] = [];
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => warnings.push(JSON.parse(line).msg as string) },
  );
  return { journal: Journal.open(dir, logger), warnings };
}

describe('Journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one line per entry, each on disk before the call returns', () => {
    const { journal } = openJournal(dir);
    expect(journal.replay()).toEqual([]);
    journal.call('p1', row('t1', 0));
    const id = journal.owe(tickWrite('t1'));
    journal.done(id);
    const lines = readFileSync(journal.path, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { t: string }).t)).toEqual(['call', 'owe', 'done']);
    journal.close();
  });

  it('replays owed writes and turns calls of a day never stored into its actions write', () => {
    const first = openJournal(dir).journal;
    first.replay();
    const acked = first.owe(tickWrite('t0'));
    first.done(acked);
    first.owe(tickWrite('t1'));
    first.call('p1', row('t1', 0));
    first.call('p1', row('t1', 1));
    // The verdict came in later: the last line of a call wins.
    first.call('p1', row('t1', 0, { check: { status: 'passed' } }));
    // A day whose actions write was owed is carried by that write, not by its calls.
    first.call('p2', row('t2', 0));
    const stored = first.owe({ kind: 'actions', personaId: 'p2', rows: [row('t2', 0)] });
    first.done(stored);
    first.close(); // as if killed: nothing more

    const { journal } = openJournal(dir);
    const owed = journal.replay();
    expect(owed.map((o) => o.write.kind)).toEqual(['tick', 'actions']);
    const actions = owed[1]?.write;
    expect(actions?.kind === 'actions' && actions.rows).toEqual([
      row('t1', 0, { check: { status: 'passed' } }),
      row('t1', 1),
    ]);
    expect(actions?.personaId).toBe('p1');
    // Ids go on past the replayed ones; settling them empties the journal.
    const next = journal.owe(tickWrite('t3'));
    expect(owed.map((o) => o.id)).not.toContain(next);
    for (const o of owed) journal.done(o.id);
    journal.done(next);
    expect(journal.outstanding).toBe(0);
    journal.close();
  });

  it('a day write carries its calls: replayed as itself, not as another actions write', () => {
    const dayWrite = (personaId: string, tickId: string, rows: ActionRow[]): PendingWrite => ({
      kind: 'day',
      personaId,
      tickId,
      record: { ...running, status: 'ok', actionsCount: rows.length },
      actions: rows,
      feedback: [{ tickId, module: 'todo', rating: 4 }],
    });
    const first = openJournal(dir).journal;
    first.replay();
    first.call('p1', row('d1', 0));
    first.call('p1', row('d1', 1));
    const owedDay = dayWrite('p1', 'd1', [row('d1', 0), row('d1', 1)]);
    first.owe(owedDay);
    first.call('p2', row('d2', 0));
    first.done(first.owe(dayWrite('p2', 'd2', [row('d2', 0)])));
    first.close(); // as if killed: the first day still owed

    const { journal } = openJournal(dir);
    const owed = journal.replay();
    expect(owed.map((o) => o.write)).toEqual([owedDay]);
    // Compacted to the one owed write: the stored day and both days' calls are gone.
    expect(readFileSync(journal.path, 'utf8').trim().split('\n')).toHaveLength(1);
    journal.done(owed[0]?.id as number);
    expect(journal.outstanding).toBe(0);
    journal.close();
  });

  it('skips a torn last line with a warning and keeps the rest', () => {
    const first = openJournal(dir).journal;
    first.replay();
    first.owe(tickWrite('t1'));
    first.close();
    appendFileSync(join(dir, 'journal.ndjson'), '{"t":"call","personaId":"p1","row":{"tick');

    const { journal, warnings } = openJournal(dir);
    const owed = journal.replay();
    expect(owed.map((o) => o.write)).toEqual([tickWrite('t1')]);
    expect(warnings).toEqual(['journal: torn last line skipped']);
    journal.close();
  });

  it('compacts away what was acknowledged, keeping what is still owed', () => {
    const { journal } = openJournal(dir);
    journal.replay();
    for (let i = 0; i < 20; i++) journal.done(journal.owe(tickWrite(`t${i}`)));
    const kept = journal.owe(tickWrite('kept'));
    journal.call('p1', row('open-day', 0));
    journal.compact();
    const lines = readFileSync(journal.path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(journal.outstanding).toBe(2);
    // Appending after compaction goes to the new file.
    journal.done(kept);
    journal.close();

    const again = openJournal(dir).journal;
    const owed = again.replay();
    expect(owed.map((o) => o.write.kind)).toEqual(['actions']);
    expect(readFileSync(again.path, 'utf8').trim().split('\n')).toHaveLength(1);
    again.close();
  });

  describe('the data directory lock', () => {
    it('refuses a directory another live process holds, naming it', () => {
      // The parent (Vitest's main process) is alive and is not this process.
      writeFileSync(join(dir, 'journal.lock'), String(process.ppid));
      expect(() => openJournal(dir)).toThrow(JournalLockedError);
      expect(() => openJournal(dir)).toThrow(
        new RegExp(`${dir}.*in use by process ${process.ppid}`),
      );
      expect(existsSync(join(dir, 'journal.ndjson'))).toBe(false);
    });

    it('takes over a lock whose process is gone, and gives it back on close', () => {
      // Above the kernel's largest pid (4194304): no process can have it.
      writeFileSync(join(dir, 'journal.lock'), '4194305');
      const { journal } = openJournal(dir);
      expect(readFileSync(join(dir, 'journal.lock'), 'utf8')).toBe(String(process.pid));
      journal.close();
      expect(existsSync(join(dir, 'journal.lock'))).toBe(false);
    });
  });
});
