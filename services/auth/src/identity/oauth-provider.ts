import { oauthProvider } from '@better-auth/oauth-provider';
import { type AccessTokenPayload, MCP_SCOPE } from '@mana/contracts';

/** Every scope the authorization server grants: the gateway's, and refresh tokens. */
export const OAUTH_SCOPES = [MCP_SCOPE, 'offline_access'] as const;

/** Where the identity service serves the pages of the authorization flow. */
export const OAUTH_PAGES = { signIn: '/oauth/sign-in', consent: '/oauth/consent' } as const;

/** What {@link mcpOAuthProvider} needs. */
export interface McpOAuthProviderOptions {
  /** The identity service's public URL: the login and consent pages live there. */
  baseURL: string;
}

/**
 * Better Auth's OAuth 2.1 provider plugin, set up as the authorization server of MCP
 * clients (MCP authorization, protocol revision 2025-11-25):
 *
 * - open dynamic client registration (RFC 7591), as MCP clients that meet a server for
 *   the first time register themselves; public clients (`none`) and loopback redirect
 *   URIs of native clients are inferred (`clientRegistrationDefaultApplicationType`);
 * - authorization code with PKCE S256 only, refresh tokens for `offline_access`;
 * - every access token is bound to a resource (RFC 8707): a JWT signed with the same
 *   EdDSA keys as the login tokens, `aud` = the resource (the gateway's `/mcp` URL), and
 *   the login token's claims (`email`, `name`, `kind`, `role`), so the gateway reads both
 *   kinds the same way. Resources are rows of `auth.oauth_resources`; a request naming
 *   any other resource is refused (`invalid_target`).
 * - the user signs in on {@link OAUTH_PAGES}.signIn and allows the client on
 *   {@link OAUTH_PAGES}.consent, both served by this service.
 */
export function mcpOAuthProvider(options: McpOAuthProviderOptions) {
  return oauthProvider({
    scopes: [...OAUTH_SCOPES],
    grantTypes: ['authorization_code', 'refresh_token'],
    loginPage: `${options.baseURL}${OAUTH_PAGES.signIn}`,
    consentPage: `${options.baseURL}${OAUTH_PAGES.consent}`,
    allowDynamicClientRegistration: true,
    allowUnauthenticatedClientRegistration: true,
    clientRegistrationDefaultApplicationType: 'infer',
    // One protected resource (the gateway) serves every registered client.
    enforcePerClientResources: false,
    customAccessTokenClaims: ({ user }): Partial<AccessTokenPayload> =>
      user
        ? {
            email: user.email,
            name: user.name,
            kind: (user.kind as AccessTokenPayload['kind']) ?? 'human',
            role: (user.role as string | undefined) ?? 'user',
          }
        : {},
    schema: {
      oauthClient: { modelName: 'oauthClients' },
      oauthResource: { modelName: 'oauthResources' },
      oauthClientResource: { modelName: 'oauthClientResources' },
      oauthRefreshToken: { modelName: 'oauthRefreshTokens' },
      oauthAccessToken: { modelName: 'oauthAccessTokens' },
      oauthConsent: { modelName: 'oauthConsents' },
      oauthClientAssertion: { modelName: 'oauthClientAssertions' },
    },
  });
}
