import type { DuePersona } from '@mana/contracts';

/** The persona's modules, heaviest weight first (ties by name). */
export function modulesOf(persona: Pick<DuePersona, 'moduleMix'>): string[] {
  return Object.entries(persona.moduleMix)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([module]) => module);
}
