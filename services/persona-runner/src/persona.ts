import { personaProfileSchema } from '@mana/personas';
import { z } from 'zod';

/** A due persona as the identity service's internal API answers it. */
export const duePersonaSchema = personaProfileSchema.extend({
  userId: z.string().min(1),
  email: z.email(),
  name: z.string(),
  lastActiveAt: z.string().nullable(),
});

export type DuePersona = z.output<typeof duePersonaSchema>;

/** The persona's modules, heaviest weight first (ties by name). */
export function modulesOf(persona: Pick<DuePersona, 'moduleMix'>): string[] {
  return Object.entries(persona.moduleMix)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([module]) => module);
}
