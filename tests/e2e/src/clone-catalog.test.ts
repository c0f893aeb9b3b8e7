import { catalogSchema, loadCatalog } from '@mana/personas';
import { describe, expect, it } from 'vitest';
import { cloneCatalog } from './clone-catalog';

describe('cloneCatalog', () => {
  const catalog = loadCatalog();

  it('makes as many daily personas as asked, each a valid catalog entry with its own email', () => {
    const cloned = cloneCatalog(catalog, 25);
    expect(cloned.personas).toHaveLength(25);
    expect(new Set(cloned.personas.map((p) => p.email)).size).toBe(25);
    expect(new Set(cloned.personas.map((p) => p.name)).size).toBe(25);
    expect(cloned.personas.every((p) => p.tickCadence === 'daily')).toBe(true);
    // The schema the seed reads: no duplicate email, every member a persona of the catalog.
    expect(catalogSchema.safeParse(cloned).success).toBe(true);
  });

  it('keeps the catalog itself as the first round and copies its spaces per round', () => {
    const cloned = cloneCatalog(catalog, 20);
    expect(cloned.personas.slice(0, 10).map((p) => p.email)).toEqual(
      catalog.personas.map((p) => p.email),
    );
    expect(cloned.personas[10]?.email).toBe(catalog.personas[0]?.email.replace('@', '.2@'));
    expect(cloned.spaces).toHaveLength(catalog.spaces.length * 2);
    const copy = cloned.spaces[catalog.spaces.length];
    expect(copy?.slug).toBe(`${catalog.spaces[0]?.slug}-2`);
    expect(copy?.members.map((m) => m.email)).toEqual(
      catalog.spaces[0]?.members.map((m) => m.email.replace('@', '.2@')),
    );
  });

  it('leaves out of a partial round the spaces none of its personas is in', () => {
    const cloned = cloneCatalog(catalog, 11);
    expect(catalogSchema.safeParse(cloned).success).toBe(true);
    const round2 = cloned.spaces.filter((s) => s.slug.endsWith('-2'));
    expect(round2.map((s) => s.members.map((m) => m.email))).toEqual([
      [catalog.personas[0]?.email.replace('@', '.2@')],
    ]);
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => cloneCatalog(catalog, 0)).toThrow(RangeError);
    expect(() => cloneCatalog(catalog, 1.5)).toThrow(RangeError);
  });
});
