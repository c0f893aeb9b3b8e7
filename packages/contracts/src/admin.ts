import { z } from 'zod';
import { personaProfileSchema } from './persona-profile';
import { storedText } from './stored-values';

/** A persona's account and profile: one catalog entry, and the admin upsert's body. */
export const personaAccountSchema = personaProfileSchema.extend({
  email: z.email().transform((e) => e.toLowerCase()),
  name: storedText().trim().min(1).max(100),
});

export type PersonaAccount = z.output<typeof personaAccountSchema>;

/**
 * `POST /api/v1/admin/personas`: upsert a persona by email. The caller derives the
 * password (the identity service never needs the seed secret). Without one, a new
 * account gets no password (the runner opens it with a service-key token, `POST
 * /api/v1/internal/personas/:id/token`: no scrypt hash to seed or to sign in) and a known
 * account keeps the one it has.
 */
export const personaUpsertSchema = personaAccountSchema.extend({
  password: storedText().min(8).max(128).optional(),
});

/** The space types a shared space can have (personal spaces come with the account). */
export const SHARED_SPACE_TYPES = ['family', 'team', 'practice', 'brand'] as const;
export const sharedSpaceTypeSchema = z.enum(SHARED_SPACE_TYPES);

/** Every space type, personal included. */
export const SPACE_TYPES = ['personal', ...SHARED_SPACE_TYPES] as const;
export type SpaceType = (typeof SPACE_TYPES)[number];

/** A member of a shared space, by email. */
export const spaceMemberSchema = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  role: z.enum(['owner', 'admin', 'member']).default('member'),
});

/** `PUT /api/v1/admin/spaces`: a shared space and exactly who is in it. */
export const sharedSpaceSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a slug is lowercase letters, digits and -')
    .refine((s) => !s.startsWith('personal-'), 'personal-* slugs are reserved'),
  name: storedText().trim().min(1).max(100),
  type: sharedSpaceTypeSchema,
  members: z
    .array(spaceMemberSchema)
    .max(1000)
    .superRefine((members, ctx) => {
      // A member twice would be two rows for one account (and two roles to choose from).
      const seen = new Set<string>();
      members.forEach((member, i) => {
        if (seen.has(member.email)) {
          ctx.addIssue({ code: 'custom', path: [i, 'email'], message: 'listed more than once' });
        }
        seen.add(member.email);
      });
    }),
});

export type SharedSpace = z.output<typeof sharedSpaceSchema>;

/** What an idempotent admin upsert did. */
export const upsertAnswerSchema = z.object({ created: z.boolean(), changed: z.boolean() });
