import { describe, expect, it } from 'vitest';
import { loadCatalog } from './catalog';
import catalogFile from './catalog.json' with { type: 'json' };

describe('persona catalog', () => {
  const catalog = loadCatalog();
  const byName = new Map(catalog.personas.map((p) => [p.name, p]));

  it('holds the ten personas of the design with their cadence, locale and module mix', () => {
    const rows = catalog.personas.map((p) => [
      p.name,
      p.archetype,
      p.locale,
      p.timezone,
      p.tickCadence,
      p.moduleMix,
    ]);
    expect(rows).toEqual([
      [
        'Anna',
        'adhd-student',
        'de',
        'Europe/Berlin',
        'daily',
        { todo: 0.3, journal: 0.3, notes: 0.2, mood: 0.2 },
      ],
      [
        'Ben',
        'adhd-student',
        'de',
        'Europe/Berlin',
        'hourly',
        { todo: 0.4, calendar: 0.3, journal: 0.2, habits: 0.1 },
      ],
      [
        'Marcus',
        'ceo-busy',
        'en',
        'UTC',
        'weekdays',
        { contacts: 0.3, calendar: 0.3, todo: 0.2, articles: 0.2 },
      ],
      [
        'Lena',
        'ceo-busy',
        'en',
        'UTC',
        'weekdays',
        { journal: 0.3, contacts: 0.2, calendar: 0.2, notes: 0.3 },
      ],
      [
        'Sofia',
        'creative-parent',
        'de',
        'Europe/Berlin',
        'daily',
        { journal: 0.3, notes: 0.3, dreams: 0.2, mood: 0.2 },
      ],
      [
        'Tom',
        'creative-parent',
        'de',
        'Europe/Berlin',
        'daily',
        { todo: 0.4, calendar: 0.3, notes: 0.2, habits: 0.1 },
      ],
      [
        'Kai',
        'solo-dev',
        'en',
        'UTC',
        'hourly',
        { articles: 0.3, notes: 0.3, library: 0.2, goals: 0.2 },
      ],
      [
        'Julia',
        'researcher',
        'en',
        'UTC',
        'weekdays',
        { articles: 0.4, notes: 0.4, research: 0.2 },
      ],
      [
        'Paul',
        'freelancer',
        'en',
        'UTC',
        'weekdays',
        { invoices: 0.4, contacts: 0.3, calendar: 0.3 },
      ],
      ['Maya', 'overwhelmed-newbie', 'en', 'UTC', 'daily', { todo: 0.6, journal: 0.4 }],
    ]);
    expect(byName.get('Maya')?.traits.chaos).toBe(0.3);
    for (const p of catalog.personas) {
      expect(p.email).toBe(`persona.${p.name.toLowerCase()}@mana.test`);
      const weights = Object.values(p.moduleMix).reduce((a, b) => a + b, 0);
      expect(weights, p.name).toBeCloseTo(1, 9);
    }
  });

  it('gives every persona a second-person prompt of 3 to 5 sentences in its own language', () => {
    for (const p of catalog.personas) {
      const sentences = p.systemPrompt.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, p.name).toBeGreaterThanOrEqual(3);
      expect(sentences.length, p.name).toBeLessThanOrEqual(5);
      expect(p.systemPrompt, p.name).toMatch(p.locale === 'de' ? /^Du bist / : /^You are /);
    }
  });

  it('puts the personas into the shared spaces of the design', () => {
    const spaces = catalog.spaces.map((s) => [
      s.name,
      s.type,
      s.members.map((m) => m.email.split(/[.@]/)[1]),
    ]);
    expect(spaces).toEqual([
      ['Anna & Ben', 'family', ['anna', 'ben']],
      ['Northwind', 'team', ['marcus', 'lena']],
      ['Sofia & Tom', 'family', ['sofia', 'tom']],
      ['Kai Studio', 'practice', ['kai']],
      ['Paul Design', 'brand', ['paul']],
    ]);
  });

  it('rejects a broken catalog naming the place', () => {
    const badCadence = structuredClone(catalogFile) as { personas: { tickCadence: string }[] };
    (badCadence.personas[2] as { tickCadence: string }).tickCadence = 'monthly';
    expect(() => loadCatalog(badCadence)).toThrow(/personas\.2\.tickCadence/);
    const stranger = structuredClone(catalogFile) as { spaces: { members: { email: string }[] }[] };
    (stranger.spaces[0]?.members[0] as { email: string }).email = 'stranger@mana.test';
    expect(() => loadCatalog(stranger)).toThrow(
      /spaces\.0\.members\.0\.email: not a persona of the catalog/,
    );
  });
});
