import { describe, expect, it } from 'vitest';
import { loadCatalog } from './catalog';
import { scaleCatalog } from './scale';
import { catalogSchema } from './schema';

describe('scaleCatalog', () => {
  const catalog = loadCatalog();
  const size = catalog.personas.length;

  it('grows the catalog to a valid one of exactly the count, copies in their own spaces', () => {
    const scaled = scaleCatalog(catalog, size * 2 + 3);
    expect(scaled.personas).toHaveLength(size * 2 + 3);
    expect(() => catalogSchema.parse(scaled)).not.toThrow();
    expect(scaled.personas.slice(0, size)).toEqual(catalog.personas);
    const first = catalog.personas[0];
    const clone = scaled.personas[size];
    expect(clone?.email).toBe(first?.email.replace('@', '+1@'));
    expect(clone?.name).toBe(`${first?.name} 2`);
    expect(clone?.moduleMix).toEqual(first?.moduleMix);
    // Clones have no password (seeding thousands of hashes would take minutes); the originals keep theirs.
    expect(clone?.password).toBe(false);
    expect(scaled.personas.slice(0, size).every((p) => p.password === undefined)).toBe(true);
    const space = catalog.spaces[0];
    const copy = scaled.spaces.find((s) => s.slug === `${space?.slug}-1`);
    expect(copy?.members.map((m) => m.email)).toEqual(
      space?.members.map((m) => m.email.replace('@', '+1@')),
    );
  });

  it('cuts the catalog, keeping only spaces with members left', () => {
    const scaled = scaleCatalog(catalog, 1);
    expect(scaled.personas).toEqual([catalog.personas[0]]);
    const only = catalog.personas[0]?.email;
    for (const space of scaled.spaces) {
      expect(space.members.map((m) => m.email)).toEqual([only]);
    }
    expect(() => catalogSchema.parse(scaled)).not.toThrow();
  });

  it('gives every persona the cadence asked for, the originals too', () => {
    const scaled = scaleCatalog(catalog, size + 2, { cadence: 'daily' });
    expect(new Set(scaled.personas.map((p) => p.tickCadence))).toEqual(new Set(['daily']));
    expect(catalog.personas.some((p) => p.tickCadence !== 'daily')).toBe(true);
  });

  it('refuses a count that is not a whole number of at least 1', () => {
    expect(() => scaleCatalog(catalog, 0)).toThrow(RangeError);
    expect(() => scaleCatalog(catalog, 2.5)).toThrow(RangeError);
  });
});
