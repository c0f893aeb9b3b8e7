import {
  discoverOAuthServerInfo,
  exchangeAuthorization,
  registerClient,
  startAuthorization,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { InvalidGrantError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type {
  AuthorizationServerMetadata,
  OAuthClientInformationFull,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type GatewayHarness, HARNESS_PASSWORD, startGatewayHarness } from './testing/harness';
import { Browser, BrowserStop } from './testing/oauth-client';

const REDIRECT = 'http://127.0.0.1:1/callback';

describe('the gateway as an OAuth protected resource, and what the flow refuses', () => {
  let h: GatewayHarness;
  let metadata: AuthorizationServerMetadata;
  let client: OAuthClientInformationFull;
  beforeAll(async () => {
    h = await startGatewayHarness();
    await h.persona('anna');
    const info = await discoverOAuthServerInfo(h.gateway.mcpUrl);
    if (!info.authorizationServerMetadata) throw new Error('no authorization server metadata');
    metadata = info.authorizationServerMetadata;
    client = await registerClient(h.auth.url, {
      metadata,
      clientMetadata: {
        client_name: 'Refusals client',
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(() => h.close());

  const browser = (password = HARNESS_PASSWORD) =>
    new Browser({ email: 'persona.anna@mana.test', password });
  // Signed in once and consented once; later authorizations of the same scope go straight
  // to the code, as they would in the user's browser.
  const signedIn = browser();

  /** Runs the authorization up to the callback; answers the code and its verifier. */
  const authorize = async (
    overrides: { resource?: string; scope?: string; redirectUrl?: string } = {},
  ) => {
    const { authorizationUrl, codeVerifier } = await startAuthorization(h.auth.url, {
      metadata,
      clientInformation: client,
      redirectUrl: overrides.redirectUrl ?? REDIRECT,
      scope: overrides.scope ?? 'mcp',
      state: 'xyz',
      resource: new URL(overrides.resource ?? h.gateway.mcpUrl),
    });
    const callback = await signedIn.authorize(authorizationUrl, REDIRECT);
    return { callback, code: callback.searchParams.get('code') ?? '', codeVerifier };
  };
  const exchange = (code: string, codeVerifier: string, redirectUri = REDIRECT) =>
    exchangeAuthorization(h.auth.url, {
      metadata,
      clientInformation: client,
      authorizationCode: code,
      codeVerifier,
      redirectUri,
      resource: new URL(h.gateway.mcpUrl),
    });
  const mcpStatus = async (token: string) =>
    (
      await fetch(h.gateway.mcpUrl, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
      })
    ).status;

  it('serves the protected resource metadata and names it in every 401', async () => {
    const metadataUrl = `${h.gateway.url}/.well-known/oauth-protected-resource/mcp`;
    const expected = {
      resource: h.gateway.mcpUrl,
      authorization_servers: [h.auth.url],
      scopes_supported: ['mcp', 'offline_access'],
      bearer_methods_supported: ['header'],
    };
    for (const url of [metadataUrl, `${h.gateway.url}/.well-known/oauth-protected-resource`]) {
      const response = await fetch(url, { headers: { origin: 'http://localhost:6274' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(await response.json()).toMatchObject(expected);
    }
    const post = (headers: Record<string, string>) =>
      fetch(h.gateway.mcpUrl, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{}',
      });
    const anonymous = await post({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe(
      `Bearer realm="mana", resource_metadata="${metadataUrl}"`,
    );
    const forged = await post({ authorization: 'Bearer not.a.token' });
    expect(forged.headers.get('www-authenticate')).toBe(
      `Bearer realm="mana", error="invalid_token", resource_metadata="${metadataUrl}"`,
    );
  });

  it('serves authorization server metadata with registration, PKCE S256 and public clients', async () => {
    const response = await fetch(`${h.auth.url}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toMatchObject({
      issuer: h.auth.url,
      authorization_endpoint: `${h.auth.url}/api/auth/oauth2/authorize`,
      token_endpoint: `${h.auth.url}/api/auth/oauth2/token`,
      registration_endpoint: `${h.auth.url}/api/auth/oauth2/register`,
      jwks_uri: `${h.auth.url}/api/auth/jwks`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      scopes_supported: ['mcp', 'offline_access'],
      token_endpoint_auth_methods_supported: expect.arrayContaining(['none']),
    });
  });

  it('a code is exchanged once, with its own PKCE verifier and redirect URI', async () => {
    const { code, codeVerifier } = await authorize();
    await expect(exchange(code, `${codeVerifier}x`)).rejects.toThrow(InvalidGrantError);
    const fresh = await authorize();
    await expect(
      exchange(fresh.code, fresh.codeVerifier, 'http://127.0.0.1:1/other'),
    ).rejects.toThrow(InvalidGrantError);
    const third = await authorize();
    const tokens = await exchange(third.code, third.codeVerifier);
    expect(await mcpStatus(tokens.access_token)).toBe(200);
    await expect(exchange(third.code, third.codeVerifier)).rejects.toThrow(InvalidGrantError);
  });

  it('an expired code is refused', async () => {
    const { code, codeVerifier } = await authorize();
    // Codes live 10 minutes; only Date moves, the sockets keep real time.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    await expect(exchange(code, codeVerifier)).rejects.toThrow(InvalidGrantError);
  });

  it('never redirects to a redirect URI the client did not register', async () => {
    const { authorizationUrl } = await startAuthorization(h.auth.url, {
      metadata,
      clientInformation: client,
      redirectUrl: 'https://attacker.example/callback',
      scope: 'mcp',
      resource: new URL(h.gateway.mcpUrl),
    });
    const page = await browser().navigate(String(authorizationUrl));
    expect(page.location ?? '').not.toContain('attacker.example');
    expect(new URL(page.location ?? '', h.auth.url).searchParams.get('error')).toBe(
      'invalid_redirect',
    );
  });

  it('a wrong password shows the form again and goes no further', async () => {
    const { authorizationUrl } = await startAuthorization(h.auth.url, {
      metadata,
      clientInformation: client,
      redirectUrl: REDIRECT,
      scope: 'mcp',
      resource: new URL(h.gateway.mcpUrl),
    });
    const failed = await browser('wrong-password-123')
      .authorize(authorizationUrl, REDIRECT)
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(BrowserStop);
    expect((failed as BrowserStop).status).toBe(401);
    expect((failed as BrowserStop).body).toContain('Email or password is wrong.');
  });

  it('denied consent sends the client access_denied', async () => {
    const { authorizationUrl } = await startAuthorization(h.auth.url, {
      metadata,
      clientInformation: client,
      redirectUrl: REDIRECT,
      // With offline_access the SDK asks for consent every time (prompt=consent).
      scope: 'mcp offline_access',
      state: 'deny-state',
      resource: new URL(h.gateway.mcpUrl),
    });
    const callback = await browser().authorize(authorizationUrl, REDIRECT, 'no');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('deny-state');
    expect(callback.searchParams.has('code')).toBe(false);
  });

  it('refuses tokens for another resource, and the gateway refuses its audience without scope mcp', async () => {
    const other = await authorize({ resource: 'http://127.0.0.1:1/not-the-gateway' });
    expect(other.callback.searchParams.get('error')).toBe('invalid_target');
    const { code, codeVerifier } = await authorize({ scope: 'offline_access' });
    const tokens = await exchange(code, codeVerifier);
    expect(tokens.scope).toBe('offline_access');
    expect(await mcpStatus(tokens.access_token)).toBe(401);
  });
});
