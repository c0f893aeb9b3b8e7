import type { TickCadence } from '@mana/contracts';
import type { Catalog } from './schema';

/**
 * The catalog grown (or cut) to `count` personas, for load runs (`simulate --personas N`):
 * copy 0 is the catalog itself, copy c ≥ 1 clones every persona with `+c` in the local
 * part of its email and ` c+1` after its name, and clones the shared spaces among that
 * copy's personas (slug `<slug>-c`). Members cut off by `count` leave their spaces; a
 * space left with no members is dropped. The personas keep their mixes, and their
 * cadences unless `options.cadence` gives every one the same. Clones have no password
 * (`password: false`): seeding thousands of scrypt hashes would take minutes, and the
 * runner opens their accounts with service-key tokens.
 *
 * @example
 * scaleCatalog(loadCatalog(), 1000).personas.length; // 1000
 */
export function scaleCatalog(
  catalog: Catalog,
  count: number,
  options: { cadence?: TickCadence | undefined } = {},
): Catalog {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError('count must be a whole number ≥ 1');
  const size = catalog.personas.length;
  const copies = Math.ceil(count / size);
  const personas: Catalog['personas'] = [];
  const spaces: Catalog['spaces'] = [];
  for (let copy = 0; copy < copies; copy++) {
    const kept = new Set<string>();
    for (const persona of catalog.personas.slice(0, Math.min(size, count - copy * size))) {
      kept.add(persona.email);
      const cadence = options.cadence ? { tickCadence: options.cadence } : {};
      personas.push(
        copy === 0
          ? { ...persona, ...cadence }
          : {
              ...persona,
              ...cadence,
              email: cloneEmail(persona.email, copy),
              name: `${persona.name} ${copy + 1}`,
              password: false,
            },
      );
    }
    for (const space of catalog.spaces) {
      const members = space.members
        .filter((m) => kept.has(m.email))
        .map((m) => (copy === 0 ? m : { ...m, email: cloneEmail(m.email, copy) }));
      if (members.length === 0) continue;
      spaces.push(
        copy === 0
          ? { ...space, members }
          : { ...space, slug: `${space.slug}-${copy}`, name: `${space.name} ${copy + 1}`, members },
      );
    }
  }
  return { personas, spaces };
}

function cloneEmail(email: string, copy: number): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}+${copy}${email.slice(at)}`;
}
