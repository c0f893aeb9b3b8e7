import { singular } from './tool-profile';

/** An item the persona has seen: its id and, when an output carried it, its last state. */
export interface KnownItem {
  id: string;
  module: string;
  kind: string;
  /** The item's fields as last returned (status, archived…); absent for bare `<x>Id`s. */
  item?: Record<string, unknown> | undefined;
  /** Order of first sighting: candidates come back in it, independent of id values. */
  seen: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the persona remembers from the day's outputs: every object with an `id` (filed
 * under the key that held it, `todos[]` → `todo`) and every `<x>Id` reference (kind `x`),
 * per module. Writes pick their target from here, so they act on ids the app handed out.
 */
export class IdPool {
  readonly #items = new Map<string, KnownItem>();
  #counter = 0;

  /** Files every id found in a tool's output under that tool's module. */
  remember(module: string, output: unknown): void {
    this.#walk(module, output, module);
  }

  /**
   * Known items of a kind, oldest sighting first, from this module; with `anyModule`
   * (an `<x>Id` such as an invoice's `contactId`) from any module when this one has none.
   */
  candidates(module: string, kind: string, anyModule = false): KnownItem[] {
    const all = [...this.#items.values()].filter((i) => i.kind === kind);
    const own = all.filter((i) => i.module === module);
    return (own.length > 0 || !anyModule ? own : all).sort((a, b) => a.seen - b.seen);
  }

  /** Whether the id came back from the app earlier today. */
  has(id: string): boolean {
    return [...this.#items.values()].some((i) => i.id === id);
  }

  /** Values a field had on the known items of a module, e.g. habit names, to avoid clashes. */
  valuesOf(module: string, field: string): Set<string> {
    const values = new Set<string>();
    for (const i of this.#items.values()) {
      const value = i.item?.[field];
      if (i.module === module && typeof value === 'string') values.add(value.toLowerCase());
    }
    return values;
  }

  /** Words (4+ letters) from the titles and names the persona has seen in a module. */
  words(module: string): string[] {
    const words = new Set<string>();
    for (const field of ['title', 'name', 'question']) {
      for (const value of this.valuesOf(module, field)) {
        for (const w of value.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 4) words.add(w);
      }
    }
    return [...words];
  }

  #walk(module: string, value: unknown, key: string): void {
    if (Array.isArray(value)) {
      for (const v of value) this.#walk(module, v, singular(key));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && UUID.test(record.id)) {
      this.#file(module, key, record.id, record);
    }
    for (const [k, v] of Object.entries(record)) {
      if (k !== 'id' && k.endsWith('Id') && typeof v === 'string' && UUID.test(v)) {
        this.#file(module, k.slice(0, -2), v, undefined);
      } else if (v && typeof v === 'object') {
        this.#walk(module, v, k);
      }
    }
  }

  #file(module: string, kind: string, id: string, item: Record<string, unknown> | undefined) {
    const key = `${module}/${kind}/${id}`;
    const known = this.#items.get(key);
    if (known) {
      if (item) known.item = item;
      return;
    }
    this.#items.set(key, { id, module, kind, item, seen: this.#counter++ });
  }
}
