import { TOKEN_AUDIENCE } from '@mana/contracts';
import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, HARNESS_PASSWORD, startGatewayHarness } from './testing/harness';
import { Browser, MemoryOAuthProvider } from './testing/oauth-client';

// Issue 13 item 4: a standard MCP client signs in to the gateway through OAuth, with the
// official SDK's auth helper doing discovery, registration, PKCE and the token exchange.
describe('an MCP client signs in to the gateway through OAuth', () => {
  let h: GatewayHarness;
  let annaId: string;
  beforeAll(async () => {
    h = await startGatewayHarness();
    annaId = await h.persona('anna');
  });
  afterAll(() => h.close());

  const annaBrowser = () =>
    new Browser({ email: 'persona.anna@mana.test', password: HARNESS_PASSWORD });
  const transport = (provider: MemoryOAuthProvider) =>
    new StreamableHTTPClientTransport(new URL(h.gateway.mcpUrl), { authProvider: provider });

  it('discovers, registers, signs in, gets a token bound to the gateway and calls a tool', async () => {
    const provider = new MemoryOAuthProvider('http://127.0.0.1:1/callback');
    const first = new Client({ name: 'oauth-test', version: '1.0.0' });
    const firstTransport = transport(provider);

    // No token: the 401 sends the SDK through discovery and registration to the
    // authorization URL, which it hands to the "browser".
    await expect(first.connect(firstTransport)).rejects.toThrow(UnauthorizedError);
    expect(provider.client?.client_id).toBeTruthy();
    const authorizationUrl = provider.authorizationUrl;
    if (!authorizationUrl) throw new Error('the SDK did not start the authorization');
    expect(authorizationUrl.origin + authorizationUrl.pathname).toBe(
      `${h.auth.url}/api/auth/oauth2/authorize`,
    );
    expect(Object.fromEntries(authorizationUrl.searchParams)).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      resource: h.gateway.mcpUrl,
      scope: 'mcp offline_access',
      redirect_uri: provider.redirectUrl,
    });

    const callback = await annaBrowser().authorize(authorizationUrl, provider.redirectUrl);
    expect(callback.searchParams.get('state')).toBe('state-0123456789');
    expect(callback.searchParams.get('iss')).toBe(h.auth.url);
    await firstTransport.finishAuth(callback.searchParams.get('code') ?? '');

    const tokens = provider.saved;
    expect(tokens?.token_type).toMatch(/^bearer$/i);
    expect(tokens?.refresh_token).toBeTruthy();
    const claims = decodeJwt(tokens?.access_token ?? '');
    expect(claims).toMatchObject({
      iss: h.auth.url,
      aud: h.gateway.mcpUrl,
      sub: annaId,
      email: 'persona.anna@mana.test',
      kind: 'persona',
      role: 'user',
      scope: 'mcp offline_access',
    });

    // Connected with the token, the client acts in Anna's personal space, as with a
    // login token.
    const client = new Client({ name: 'oauth-test', version: '1.0.0' });
    await client.connect(transport(provider));
    try {
      const created = (await client.callTool({
        name: 'todo.create',
        arguments: { title: 'signed in through OAuth' },
      })) as { isError?: boolean; structuredContent?: { todo: { id: string } } };
      expect(created.isError).toBeFalsy();
      expect(created.structuredContent?.todo.id).toBeTruthy();
    } finally {
      await client.close();
    }
    // It landed in Anna's personal space: her login token's connection sees it.
    const viaLogin = await h.connect({ authorization: `Bearer ${await h.token('anna')}` });
    const listed = (await viaLogin.callTool({ name: 'todo.list', arguments: {} })) as {
      structuredContent?: { todos: { title: string }[] };
    };
    expect((listed.structuredContent?.todos ?? []).map((t) => t.title)).toContain(
      'signed in through OAuth',
    );

    // The token is for the gateway only (RFC 8707 audience): the identity service's own
    // API, which takes login tokens (`aud` = mana), refuses it.
    const me = await fetch(`${h.auth.url}/api/v1/me/spaces`, {
      headers: { authorization: `Bearer ${tokens?.access_token}` },
    });
    expect(me.status).toBe(401);
    expect(claims.aud).not.toBe(TOKEN_AUDIENCE);

    // The refresh token (offline_access) gets a new access token for the same resource.
    expect(await auth(provider, { serverUrl: h.gateway.mcpUrl })).toBe('AUTHORIZED');
    const refreshed = provider.saved?.access_token ?? '';
    expect(refreshed).not.toBe(tokens?.access_token);
    expect(decodeJwt(refreshed)).toMatchObject({ aud: h.gateway.mcpUrl, sub: annaId });
  });

  it('a second sign-in of the same client with the session asks for consent, not the password', async () => {
    const provider = new MemoryOAuthProvider('http://127.0.0.1:1/callback', 'Second client');
    const browser = annaBrowser();
    await expect(
      new Client({ name: 'oauth-test', version: '1.0.0' }).connect(transport(provider)),
    ).rejects.toThrow(UnauthorizedError);
    const callback = await browser.authorize(provider.authorizationUrl ?? '', provider.redirectUrl);
    expect(callback.searchParams.get('code')).toBeTruthy();
    // Same browser, new authorization: the session cookie skips the sign-in form.
    await expect(
      new Client({ name: 'oauth-test', version: '1.0.0' }).connect(transport(provider)),
    ).rejects.toThrow(UnauthorizedError);
    const page = await browser.navigate(String(provider.authorizationUrl));
    const next = new URL(page.location ?? '', h.auth.url);
    expect(next.pathname).toBe('/oauth/consent');
  });
});
