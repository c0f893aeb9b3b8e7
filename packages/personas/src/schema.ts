import { personaAccountSchema, sharedSpaceSchema } from '@mana/contracts';
import { z } from 'zod';

/**
 * A persona of the catalog. `password: false` seeds its account without a password: only
 * the runner's service-key token opens it. `scaleCatalog` marks its clones so, since a
 * password costs a scrypt hash (≈ 86 ms of CPU) to seed, and load runs seed thousands.
 */
export const catalogPersonaSchema = personaAccountSchema.extend({
  password: z.literal(false).optional(),
});

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
