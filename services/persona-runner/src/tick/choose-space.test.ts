import { describe, expect, it } from 'vitest';
import { chooseSpace } from './choose-space';

const personal = { id: 'p', name: 'Anna', type: 'personal', role: 'owner' };
const family = { id: 'f', name: 'Anna & Ben', type: 'family', role: 'owner' };

describe('chooseSpace', () => {
  it('uses the personal space when there is nothing shared', () => {
    expect(chooseSpace('a@x.test', new Date('2026-11-25'), [personal])).toBe(personal);
  });

  it('spends about 30% of days in a shared space, the same days on every run', () => {
    const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)));
    const picks = days.map((d) => chooseSpace('persona.anna@mana.test', d, [personal, family])?.id);
    const shared = picks.filter((id) => id === 'f').length / days.length;
    expect(shared).toBeGreaterThan(0.22);
    expect(shared).toBeLessThan(0.38);
    expect(
      days.map((d) => chooseSpace('persona.anna@mana.test', d, [family, personal])?.id),
    ).toEqual(picks);
  });
});
