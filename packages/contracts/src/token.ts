import { z } from 'zod';

/** The audience claim of every access token the identity service mints. */
export const TOKEN_AUDIENCE = 'mana';

/**
 * The OAuth scope of the MCP gateway's resource: a token an MCP client got through the
 * OAuth flow is accepted by the gateway only with it (and `aud` = the gateway's `/mcp` URL).
 */
export const MCP_SCOPE = 'mcp';

/** The signing algorithms a verifier accepts (the identity service signs with EdDSA). */
export const TOKEN_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;

const SPAN_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * A token lifetime as a span (`90s`, `15m`, `1h`, `7d`), read as seconds: the format of
 * `JWT_EXPIRES_IN` and `PERSONA_TOKEN_EXPIRES_IN`.
 */
export const tokenLifetimeSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}[smhd]$/, 'a lifetime is a whole number and a unit: 90s, 15m, 1h or 7d')
  .transform((span) => {
    const unit = span.slice(-1) as keyof typeof SPAN_SECONDS;
    return Number(span.slice(0, -1)) * SPAN_SECONDS[unit];
  });

/** The kinds of account. */
export const USER_KINDS = ['human', 'persona', 'system'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/**
 * The claims of an access token besides the registered ones (`iss`, `aud`, `exp`): `sub`
 * is the user id; `kind` and `role` default to the least privileged values when absent
 * or unknown, so a token minted before a claim existed still reads.
 */
export const accessTokenClaimsSchema = z
  .object({
    sub: z.string().min(1),
    email: z.string().catch(''),
    name: z.string().optional().catch(undefined),
    kind: z.enum(USER_KINDS).catch('human'),
    role: z.string().catch('user'),
  })
  .transform(({ sub, ...rest }) => ({ userId: sub, ...rest }));

/** Who a valid access token says the caller is. */
export type AccessClaims = z.output<typeof accessTokenClaimsSchema>;

/** What a token must carry, as the identity service puts it into the payload. */
export type AccessTokenPayload = Omit<z.input<typeof accessTokenClaimsSchema>, 'sub'>;

/** The claims of a verified JWT payload, or `null` when it lacks a subject. */
export function readAccessClaims(payload: unknown): AccessClaims | null {
  const parsed = accessTokenClaimsSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}
