import { z } from 'zod';
import { storedJson, storedText } from './stored-values';

/** How often a persona lives a simulated day. */
export const TICK_CADENCES = ['hourly', 'daily', 'weekdays'] as const;
export type TickCadence = (typeof TICK_CADENCES)[number];

/** The languages a persona writes in. */
export const PERSONA_LOCALES = ['en', 'de'] as const;
export type PersonaLocale = (typeof PERSONA_LOCALES)[number];

/** Modules a persona can use; names match the app's module names. */
export const moduleNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'a module name is lowercase letters, digits and _');

/** True when the runtime (and therefore PostgreSQL's tz database) knows the IANA zone. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Character traits; `chaos` (0..1) is how often the persona makes mistakes. */
export const traitsSchema = storedJson(
  z.object({ chaos: z.number().min(0).max(1).optional() }).catchall(z.unknown()),
);

export type PersonaTraits = z.output<typeof traitsSchema>;

/**
 * Who a persona is and how it behaves: everything of a persona except its account.
 * Shared by the catalog file, the admin upsert API and the runner's view of due personas.
 */
export const personaProfileSchema = z.object({
  archetype: storedText().trim().min(1).max(64),
  systemPrompt: storedText().trim().min(1).max(8000),
  moduleMix: z
    .record(moduleNameSchema, z.number().positive().max(1))
    .refine((mix) => Object.keys(mix).length > 0, 'needs at least one module'),
  tickCadence: z.enum(TICK_CADENCES),
  locale: z.enum(PERSONA_LOCALES).default('en'),
  timezone: z.string().refine(isValidTimeZone, 'not an IANA time zone').default('UTC'),
  traits: traitsSchema.default({}),
});

export type PersonaProfile = z.output<typeof personaProfileSchema>;
