import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { type ActionRow, takePidLock } from '@mana/contracts';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { PendingWrite } from './outbox';

/** One line of the journal. */
export type JournalEntry =
  /** A tool call the moment it is known (again when its verdict comes in: last one wins). */
  | { t: 'call'; personaId: string; row: ActionRow }
  /** A write the runner owes the identity service. */
  | { t: 'owe'; id: number; write: PendingWrite }
  /** That write was acknowledged (stored, or kept as a dead letter). */
  | { t: 'done'; id: number };

// The rows were built by this runner; the journal only checks the envelope.
const entrySchema = z.union([
  z.object({
    t: z.literal('call'),
    personaId: z.string(),
    row: z.looseObject({ tickId: z.string(), index: z.number().int() }),
  }),
  z.object({
    t: z.literal('owe'),
    id: z.number().int(),
    write: z.looseObject({ kind: z.string() }),
  }),
  z.object({ t: z.literal('done'), id: z.number().int() }),
]);

/** Raised when another live process holds the journal of a data directory. */
export class JournalLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `the runner data directory ${dir} is in use by process ${pid}: two runners must not share a journal (give each its own RUNNER_DATA_DIR)`,
    );
    this.name = 'JournalLockedError';
  }
}

/** A write still owed, with the journal id that settles it. */
export interface OwedWrite {
  id: number;
  write: PendingWrite;
}

/**
 * The runner's crash journal (issue 11 item 3): an append-only NDJSON file in its data
 * directory, each line written and fdatasync'd before the runner goes on, so a kill -9
 * loses nothing that was journaled. It holds each tool call the moment the brain reports
 * it and every write the runner owes; `replay()` at start turns what was left into writes
 * to deliver again (calls of a day never stored become its action rows: their ids are
 * deterministic, so the identity service stores each once). `compact()` rewrites the file
 * with only what is still outstanding. A torn last line (a write cut by the crash) is
 * skipped with a warning.
 *
 * Plain `fs` rather than a library: what is needed is one synchronous append + fdatasync
 * per line and an atomic rewrite (temp file, fsync, rename); embedded stores (LevelDB,
 * LMDB) bring native builds for no gain here.
 *
 * @example
 * const journal = Journal.open(dir, logger);
 * const owed = journal.replay(); // writes a crashed run still owed
 * journal.call(personaId, row); const id = journal.owe(write); journal.done(id);
 */
export class Journal {
  readonly path: string;
  readonly #logger: Logger;
  #fd: number;
  #nextId = 1;
  /** Calls of days whose actions write is not owed yet, by tick then index. */
  readonly #calls = new Map<string, { personaId: string; rows: Map<number, ActionRow> }>();
  readonly #owed = new Map<number, PendingWrite>();

  readonly #unlock: () => void;

  private constructor(path: string, logger: Logger, unlock: () => void) {
    this.path = path;
    this.#logger = logger;
    this.#unlock = unlock;
    this.#fd = openSync(path, 'a');
  }

  /**
   * Opens (creating it and its directory) the journal in `dir`, after taking the
   * directory's lock: `journal.lock` holds the pid of the process that owns it, so a
   * second runner started on the same directory is refused with
   * {@link JournalLockedError} (two runners replaying and appending one journal would
   * deliver each other's writes). A lock whose process is gone (a crash, a kill -9) is
   * taken over. The lock is per process: this process may open the journal again.
   */
  static open(dir: string, logger: Logger): Journal {
    mkdirSync(dir, { recursive: true });
    const lock = takePidLock(join(dir, 'journal.lock'));
    if ('holder' in lock) throw new JournalLockedError(dir, lock.holder);
    return new Journal(join(dir, 'journal.ndjson'), logger, lock.release);
  }

  /**
   * Reads what an earlier run left: the writes it still owed, then, for every day whose
   * calls were journaled but whose actions (or day) write never was, those calls as one
   * actions write. They stay outstanding here until `done`. Call once, before anything is appended.
   */
  replay(): OwedWrite[] {
    const text = readFileSync(this.path, 'utf8');
    const lines = text.split('\n');
    for (const [n, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const entry = parseLine(line);
      if (entry) {
        this.#apply(entry);
        continue;
      }
      const torn = n === lines.length - 1;
      this.#logger.warn(
        { path: this.path, line: n + 1 },
        torn ? 'journal: torn last line skipped' : 'journal: corrupt line skipped',
      );
    }
    for (const [tickId, { personaId, rows }] of this.#calls) {
      const sorted = [...rows.values()].sort((a, b) => a.index - b.index);
      this.#owed.set(this.#nextId++, { kind: 'actions', personaId, rows: sorted });
      this.#calls.delete(tickId);
    }
    const owed = [...this.#owed].map(([id, write]) => ({ id, write }));
    this.compact();
    return owed;
  }

  /** Journals a tool call (or its row again, with a verdict). */
  call(personaId: string, row: ActionRow): void {
    this.#append({ t: 'call', personaId, row });
  }

  /** Journals a write the runner owes; returns the id `done` takes. */
  owe(write: PendingWrite): number {
    const id = this.#nextId++;
    this.#append({ t: 'owe', id, write });
    return id;
  }

  /** The write `id` was acknowledged; it is compacted away. */
  done(id: number): void {
    if (this.#owed.has(id)) this.#append({ t: 'done', id });
  }

  /** Entries still outstanding: owed writes and calls of days not stored yet. */
  get outstanding(): number {
    let calls = 0;
    for (const day of this.#calls.values()) calls += day.rows.size;
    return this.#owed.size + calls;
  }

  /** Rewrites the file with only what is outstanding (temp file, fsync, rename). */
  compact(): void {
    const lines: string[] = [];
    for (const [, { personaId, rows }] of this.#calls)
      for (const row of rows.values()) lines.push(JSON.stringify({ t: 'call', personaId, row }));
    for (const [id, write] of this.#owed) lines.push(JSON.stringify({ t: 'owe', id, write }));
    const temp = `${this.path}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    closeSync(this.#fd);
    renameSync(temp, this.path);
    this.#fd = openSync(this.path, 'a');
    fsyncSync(this.#fd);
  }

  /** Closes the file and gives the directory's lock back. */
  close(): void {
    closeSync(this.#fd);
    this.#unlock();
  }

  #append(entry: JournalEntry): void {
    writeSync(this.#fd, `${JSON.stringify(entry)}\n`);
    fdatasyncSync(this.#fd);
    this.#apply(entry);
  }

  #apply(entry: JournalEntry): void {
    if (entry.t === 'call') {
      const day = this.#calls.get(entry.row.tickId) ?? {
        personaId: entry.personaId,
        rows: new Map<number, ActionRow>(),
      };
      day.rows.set(entry.row.index, entry.row);
      this.#calls.set(entry.row.tickId, day);
    } else if (entry.t === 'owe') {
      this.#nextId = Math.max(this.#nextId, entry.id + 1);
      this.#owed.set(entry.id, entry.write);
      // The day's actions (or whole-day) write now carries its calls.
      if (entry.write.kind === 'actions') {
        for (const row of entry.write.rows) this.#calls.delete(row.tickId);
      } else if (entry.write.kind === 'day') this.#calls.delete(entry.write.tickId);
    } else this.#owed.delete(entry.id);
  }
}

function parseLine(line: string): JournalEntry | undefined {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(line));
    return parsed.success ? (parsed.data as JournalEntry) : undefined;
  } catch {
    return undefined;
  }
}
