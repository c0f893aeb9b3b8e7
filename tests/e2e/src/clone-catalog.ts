import type { Catalog } from '@mana/personas';

/**
 * A catalog of `count` daily personas made from `catalog`'s, for benches that need more
 * personas than the catalog holds. The first round keeps the catalog's own personas and
 * spaces; round `k` (from 2) copies them with `.k` before every email's @ (`persona.anna.2@…`),
 * ` k` after every name and `-k` after every space's slug, so each copy lives with its
 * own round's copies in its own shared spaces, as the original does. Every persona is
 * made `daily`, so all `count` are due whatever the weekday (the catalog has weekday and
 * hourly ones). Seed it with `seedPersonas({ catalog })`, the stack's own path.
 *
 * @example
 * await seedPersonas({ authUrl, serviceKey, seedSecret, catalog: cloneCatalog(loadCatalog(), 100) });
 */
export function cloneCatalog(catalog: Catalog, count: number): Catalog {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`cloneCatalog: count must be a positive integer, got ${count}`);
  }
  const size = catalog.personas.length;
  const rounds = Math.ceil(count / size);
  const email = (address: string, round: number) =>
    round === 1 ? address : address.replace('@', `.${round}@`);
  const personas: Catalog['personas'] = [];
  const spaces: Catalog['spaces'] = [];
  for (let round = 1; round <= rounds; round++) {
    const taken = catalog.personas.slice(0, Math.min(size, count - (round - 1) * size));
    const emails = new Set(taken.map((p) => p.email));
    for (const p of taken) {
      personas.push({
        ...p,
        email: email(p.email, round),
        name: round === 1 ? p.name : `${p.name} ${round}`,
        tickCadence: 'daily',
      });
    }
    for (const s of catalog.spaces) {
      const members = s.members.filter((m) => emails.has(m.email));
      if (members.length === 0) continue;
      spaces.push({
        ...s,
        slug: round === 1 ? s.slug : `${s.slug}-${round}`,
        name: round === 1 ? s.name : `${s.name} ${round}`,
        members: members.map((m) => ({ ...m, email: email(m.email, round) })),
      });
    }
  }
  return { personas, spaces };
}
