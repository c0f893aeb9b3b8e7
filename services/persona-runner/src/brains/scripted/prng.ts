/**
 * A small seeded pseudo-random generator: cyrb128 hashes the seed parts into 128 bits,
 * sfc32 turns them into a stream of floats in [0, 1). Deterministic across platforms and
 * Node versions (only 32-bit integer arithmetic), which `Math.random` is not.
 */
export interface Rng {
  /** The next float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One key, chosen with probability proportional to its (positive) weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A few distinct elements, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** An independent generator for a sub-task, so adding draws there never shifts this one. */
  fork(label: string): Rng;
}

/**
 * cyrb128: a fast, well-mixed 128-bit string hash (four 32-bit words). Used only to seed
 * the generator, never for security.
 */
export function hashString(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A generator seeded from any number of parts (joined with `|`), e.g.
 * `createRng(42, 'persona.anna@mana.test', '2026-11-25')`. Equal parts give an equal
 * stream; any change to a part gives an unrelated one.
 */
export function createRng(...parts: readonly (string | number)[]): Rng {
  const key = parts.map(String).join('|');
  let [a, b, c, d] = hashString(key);
  const next = (): number => {
    // sfc32
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 mixes poorly in its first few rounds.
  for (let i = 0; i < 12; i++) next();

  const rng: Rng = {
    next,
    int(min, max) {
      const lo = Math.ceil(Math.min(min, max));
      const hi = Math.floor(Math.max(min, max));
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    chance(p) {
      return p > 0 && next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(entries) {
      const usable = entries.filter(([, w]) => w > 0);
      if (usable.length === 0) throw new RangeError('weighted pick without a positive weight');
      const total = usable.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of usable) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return (usable[usable.length - 1] as readonly [(typeof entries)[number][0], number])[0];
    },
    sample(items, count) {
      const pool = [...items];
      const out: (typeof items)[number][] = [];
      while (pool.length > 0 && out.length < count) {
        out.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as (typeof items)[number]);
      }
      return out;
    },
    fork(label) {
      return createRng(key, label);
    },
  };
  return rng;
}
