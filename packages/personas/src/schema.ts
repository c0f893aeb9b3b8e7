import { z } from 'zod';

/** Modules a persona can use; names match the tool registry's module names. */
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
export const traitsSchema = z
  .object({ chaos: z.number().min(0).max(1).optional() })
  .catchall(z.unknown());

/**
 * Who a persona is and how it behaves: everything of a persona except its account.
 * Shared by the catalog file, the admin upsert API and the runner's view of due personas.
 */
export const personaProfileSchema = z.object({
  archetype: z.string().trim().min(1).max(64),
  systemPrompt: z.string().trim().min(1).max(8000),
  moduleMix: z
    .record(moduleNameSchema, z.number().positive().max(1))
    .refine((mix) => Object.keys(mix).length > 0, 'needs at least one module'),
  tickCadence: z.enum(['hourly', 'daily', 'weekdays']),
  locale: z.enum(['en', 'de']).default('en'),
  timezone: z.string().refine(isValidTimeZone, 'not an IANA time zone').default('UTC'),
  traits: traitsSchema.default({}),
});

export type PersonaProfile = z.output<typeof personaProfileSchema>;

/** The space types a shared space can have (personal spaces come with the account). */
export const sharedSpaceTypeSchema = z.enum(['family', 'team', 'practice', 'brand']);

/** A member of a shared space, by email. */
export const spaceMemberSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  role: z.enum(['owner', 'admin', 'member']).default('member'),
});

/** A shared space and exactly who is in it. */
export const sharedSpaceSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a slug is lowercase letters, digits and -')
    .refine((s) => !s.startsWith('personal-'), 'personal-* slugs are reserved'),
  name: z.string().trim().min(1).max(100),
  type: sharedSpaceTypeSchema,
  members: z.array(spaceMemberSchema).max(1000),
});

export type SharedSpace = z.output<typeof sharedSpaceSchema>;

/** One catalog entry: the account plus its profile. */
export const catalogPersonaSchema = personaProfileSchema.extend({
  email: z.email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(100),
});

export type CatalogPersona = z.output<typeof catalogPersonaSchema>;

/** The catalog file: the personas and the shared spaces they live in. */
export const catalogSchema = z
  .object({
    personas: z.array(catalogPersonaSchema).min(1),
    spaces: z.array(sharedSpaceSchema),
  })
  .superRefine((catalog, ctx) => {
    const emails = new Set<string>();
    catalog.personas.forEach((p, i) => {
      if (emails.has(p.email)) {
        ctx.addIssue({
          code: 'custom',
          path: ['personas', i, 'email'],
          message: 'duplicate email',
        });
      }
      emails.add(p.email);
    });
    catalog.spaces.forEach((s, i) => {
      s.members.forEach((m, j) => {
        if (!emails.has(m.email)) {
          ctx.addIssue({
            code: 'custom',
            path: ['spaces', i, 'members', j, 'email'],
            message: 'not a persona of the catalog',
          });
        }
      });
    });
  });

export type Catalog = z.output<typeof catalogSchema>;
