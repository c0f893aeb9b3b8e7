import { type AccessTokenPayload, TOKEN_AUDIENCE, type UserKind } from '@mana/contracts';
import {
  accounts,
  type Database,
  invitations,
  jwks,
  members,
  oauthAccessTokens,
  oauthClientAssertions,
  oauthClientResources,
  oauthClients,
  oauthConsents,
  oauthRefreshTokens,
  oauthResources,
  organizations,
  sessions,
  users,
  verifications,
} from '@mana/db';
import { APIError, betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { bearer, jwt, organization } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import { ensurePersonalSpace } from './db/spaces';
import { mcpOAuthProvider } from './oauth-provider';
import { defaultHashConcurrency, limitedPasswordHashing } from './password-hashing';

/** What {@link createAuth} needs. */
export interface AuthOptions {
  db: Database;
  /** The URL the service really listens on (Better Auth derives callbacks and issuer from it). */
  baseURL: string;
  secret: string;
  /** Lifetime of minted JWTs, e.g. `1h`. */
  jwtExpiresIn: string;
  /**
   * Lifetime in seconds of a persona account's JWTs (`PERSONA_TOKEN_EXPIRES_IN`, e.g.
   * `7d`; default `jwtExpiresIn`). The runner reuses a persona's token until it expires, so with a
   * lifetime longer than a day a persona lived daily logs in (a scrypt hash) once a week,
   * not every day; a deleted persona is still refused at once, since every service reads
   * the account on every request.
   */
  personaTokenSeconds?: number | undefined;
  trustedOrigins?: string[] | undefined;
  /** Password hashes allowed at once (`LOGIN_MAX_CONCURRENT_HASHES`; default every core but one). */
  hashConcurrency?: number | undefined;
}

/**
 * Builds the Better Auth instance: email/password accounts with `kind` and `role`,
 * bearer tokens, JWTs signed with keys published as JWKS, spaces as organizations with a
 * `type`, and the OAuth authorization server of MCP clients (see `mcpOAuthProvider`). Every new account gets its personal space; a soft-deleted account
 * cannot open a session.
 */
export function createAuth(options: AuthOptions) {
  const { db, personaTokenSeconds } = options;
  /** A token's own claims (beside `sub`, `iat`, `iss`, `aud`): persona tokens live longer. */
  const claimsOf = (user: TokenUser): AccessTokenPayload & { exp?: number } => ({
    email: user.email,
    name: user.name,
    kind: user.kind ?? 'human',
    role: user.role ?? 'user',
    ...(user.kind === 'persona' && personaTokenSeconds !== undefined
      ? { exp: Math.floor(Date.now() / 1000) + personaTokenSeconds }
      : {}),
  });
  const instance = betterAuth({
    appName: 'Mana',
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [options.baseURL, ...(options.trustedOrigins ?? [])],
    telemetry: { enabled: false },
    logger: { disabled: true },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        users,
        sessions,
        accounts,
        verifications,
        jwks,
        organizations,
        members,
        invitations,
        oauthClients,
        oauthResources,
        oauthClientResources,
        oauthRefreshTokens,
        oauthAccessTokens,
        oauthConsents,
        oauthClientAssertions,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: limitedPasswordHashing(options.hashConcurrency ?? defaultHashConcurrency()),
    },
    user: {
      modelName: 'users',
      additionalFields: {
        kind: { type: ['human', 'persona', 'system'], defaultValue: 'human', input: false },
        role: { type: 'string', defaultValue: 'user', input: false },
        deletedAt: { type: 'date', required: false, input: false },
      },
    },
    session: { modelName: 'sessions' },
    account: { modelName: 'accounts' },
    verification: { modelName: 'verifications' },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await ensurePersonalSpace(db, { id: user.id, name: user.name });
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            const [row] = await db
              .select({ deletedAt: users.deletedAt })
              .from(users)
              .where(eq(users.id, session.userId));
            if (row?.deletedAt) {
              throw new APIError('UNAUTHORIZED', { message: 'This account has been deleted' });
            }
          },
        },
      },
    },
    plugins: [
      bearer(),
      jwt({
        jwks: { keyPairConfig: { alg: 'EdDSA', crv: 'Ed25519' } },
        jwt: {
          issuer: options.baseURL,
          audience: TOKEN_AUDIENCE,
          expirationTime: options.jwtExpiresIn,
          definePayload: ({ user }) => claimsOf(user),
        },
        schema: { jwks: { modelName: 'jwks' } },
      }),
      mcpOAuthProvider({ baseURL: options.baseURL }),
      organization({
        schema: {
          organization: {
            modelName: 'organizations',
            additionalFields: {
              type: {
                type: ['personal', 'family', 'team', 'practice', 'brand'],
                defaultValue: 'team',
                required: false,
              },
            },
          },
          member: { modelName: 'members' },
          invitation: { modelName: 'invitations' },
        },
        organizationHooks: {
          beforeCreateOrganization: async ({ organization: org }) => {
            if (org.type === 'personal') {
              throw new APIError('BAD_REQUEST', {
                message: 'Personal spaces are created with the account',
              });
            }
          },
        },
      }),
    ],
  });
  return Object.assign(instance, {
    /**
     * A JWT for `user`, signed with the same keys and claims as a login's, without a
     * password or a session: the persona runner's tokens (`POST
     * /api/v1/internal/personas/:id/token`). Any service verifies it like any other.
     */
    mintAccessToken: async (user: TokenUser & { id: string }): Promise<string> => {
      const payload = { ...claimsOf(user), sub: user.id, iat: Math.floor(Date.now() / 1000) };
      return (await instance.api.signJWT({ body: { payload } })).token;
    },
  });
}

/** What a token says of its account. */
interface TokenUser {
  email: string;
  name: string;
  kind?: UserKind | null | undefined;
  role?: string | null | undefined;
}

/** The Better Auth instance type of this service. */
export type Auth = ReturnType<typeof createAuth>;
