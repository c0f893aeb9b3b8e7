import { boolean, index, integer, jsonb, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { authSchema, sessions, users } from './auth';

// The tables of Better Auth's OAuth provider plugin (`@better-auth/oauth-provider`), which
// makes the identity service the authorization server of MCP clients. Columns follow the
// plugin's schema field for field (its `string[]` is `text[]`, its `json` is `jsonb` on
// PostgreSQL); authorization codes live in `verifications`, like every Better Auth code.

const at = (name: string) => timestamp(name, { withTimezone: true });

/** OAuth clients, most of them registered dynamically (RFC 7591) by MCP clients. */
export const oauthClients = authSchema.table(
  'oauth_clients',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().unique(),
    clientSecret: text('client_secret'),
    clientDiscoveryId: text('client_discovery_id'),
    disabled: boolean('disabled').default(false),
    skipConsent: boolean('skip_consent'),
    enableEndSession: boolean('enable_end_session'),
    subjectType: text('subject_type'),
    scopes: text('scopes').array(),
    clientCredentialsScopes: text('client_credentials_scopes').array(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
    name: text('name'),
    uri: text('uri'),
    icon: text('icon'),
    contacts: text('contacts').array(),
    tos: text('tos'),
    policy: text('policy'),
    softwareId: text('software_id'),
    softwareVersion: text('software_version'),
    softwareStatement: text('software_statement'),
    redirectUris: text('redirect_uris').array().notNull(),
    postLogoutRedirectUris: text('post_logout_redirect_uris').array(),
    backchannelLogoutUri: text('backchannel_logout_uri'),
    backchannelLogoutSessionRequired: boolean('backchannel_logout_session_required'),
    tokenEndpointAuthMethod: text('token_endpoint_auth_method'),
    applicationType: text('application_type'),
    jwks: text('jwks'),
    jwksUri: text('jwks_uri'),
    grantTypes: text('grant_types').array(),
    responseTypes: text('response_types').array(),
    requirePKCE: boolean('require_pkce'),
    dpopBoundAccessTokens: boolean('dpop_bound_access_tokens').default(false),
    referenceId: text('reference_id'),
    metadata: jsonb('metadata'),
  },
  (t) => [index('oauth_clients_user_id_idx').on(t.userId)],
);

/**
 * Protected resources tokens may be issued for (RFC 8707 `resource`): the MCP gateway's
 * `/mcp` URL. A token requested for any other resource is refused (`invalid_target`).
 */
export const oauthResources = authSchema.table('oauth_resources', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull().unique(),
  name: text('name').notNull(),
  accessTokenTtl: integer('access_token_ttl'),
  refreshTokenTtl: integer('refresh_token_ttl'),
  signingAlgorithm: text('signing_algorithm'),
  signingKeyId: text('signing_key_id'),
  allowedScopes: text('allowed_scopes').array(),
  customClaims: jsonb('custom_claims'),
  dpopBoundAccessTokensRequired: boolean('dpop_bound_access_tokens_required').default(false),
  disabled: boolean('disabled').default(false),
  createdAt: at('created_at'),
  updatedAt: at('updated_at'),
  policyVersion: integer('policy_version').default(1),
  metadata: jsonb('metadata'),
});

/** Which client may request which resource (consulted only when the plugin enforces it). */
export const oauthClientResources = authSchema.table(
  'oauth_client_resources',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClients.clientId, { onDelete: 'cascade' }),
    resourceId: text('resource_id')
      .notNull()
      .references(() => oauthResources.identifier, { onDelete: 'cascade' }),
    metadata: jsonb('metadata'),
    createdAt: at('created_at'),
  },
  (t) => [
    uniqueIndex('oauth_client_resources_client_resource_idx').on(t.clientId, t.resourceId),
    index('oauth_client_resources_resource_id_idx').on(t.resourceId),
  ],
);

/** Refresh tokens (scope `offline_access`), stored hashed. */
export const oauthRefreshTokens = authSchema.table(
  'oauth_refresh_tokens',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClients.clientId, { onDelete: 'cascade' }),
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    referenceId: text('reference_id'),
    authorizationCodeId: text('authorization_code_id'),
    resources: text('resources').array(),
    requestedUserInfoClaims: text('requested_user_info_claims').array(),
    expiresAt: at('expires_at'),
    createdAt: at('created_at'),
    revoked: at('revoked'),
    rotatedAt: at('rotated_at'),
    rotationReplayResponse: text('rotation_replay_response'),
    rotationReplayExpiresAt: at('rotation_replay_expires_at'),
    authTime: at('auth_time'),
    confirmation: jsonb('confirmation'),
    scopes: text('scopes').array().notNull(),
  },
  (t) => [
    index('oauth_refresh_tokens_client_id_idx').on(t.clientId),
    index('oauth_refresh_tokens_session_id_idx').on(t.sessionId),
    index('oauth_refresh_tokens_user_id_idx').on(t.userId),
    index('oauth_refresh_tokens_code_idx').on(t.authorizationCodeId),
  ],
);

/** Opaque access tokens: only those issued without a resource (never for the gateway). */
export const oauthAccessTokens = authSchema.table(
  'oauth_access_tokens',
  {
    id: text('id').primaryKey(),
    token: text('token').unique(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClients.clientId, { onDelete: 'cascade' }),
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    referenceId: text('reference_id'),
    authorizationCodeId: text('authorization_code_id'),
    resources: text('resources').array(),
    requestedUserInfoClaims: text('requested_user_info_claims').array(),
    refreshId: text('refresh_id').references(() => oauthRefreshTokens.id, {
      onDelete: 'cascade',
    }),
    expiresAt: at('expires_at'),
    createdAt: at('created_at'),
    revoked: at('revoked'),
    confirmation: jsonb('confirmation'),
    scopes: text('scopes').array().notNull(),
  },
  (t) => [
    index('oauth_access_tokens_client_id_idx').on(t.clientId),
    index('oauth_access_tokens_session_id_idx').on(t.sessionId),
    index('oauth_access_tokens_user_id_idx').on(t.userId),
    index('oauth_access_tokens_code_idx').on(t.authorizationCodeId),
    index('oauth_access_tokens_refresh_id_idx').on(t.refreshId),
  ],
);

/** What a user allowed a client (scopes, resources), so the consent page shows once. */
export const oauthConsents = authSchema.table(
  'oauth_consents',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => oauthClients.clientId, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    referenceId: text('reference_id'),
    resources: text('resources').array(),
    requestedUserInfoClaims: text('requested_user_info_claims').array(),
    scopes: text('scopes').array().notNull(),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('oauth_consents_client_id_idx').on(t.clientId),
    index('oauth_consents_user_id_idx').on(t.userId),
  ],
);

/** Single-use `jti`s of `private_key_jwt` client assertions. */
export const oauthClientAssertions = authSchema.table('oauth_client_assertions', {
  id: text('id').primaryKey(),
  expiresAt: at('expires_at').notNull(),
});
