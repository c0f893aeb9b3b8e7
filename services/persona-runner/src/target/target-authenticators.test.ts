import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerAuthenticator, noAuthenticator, oauth2Authenticator } from './target-authenticators';

/** A token endpoint on loopback that records the forms it got. */
let server: Server;
let tokenUrl: string;
const forms: URLSearchParams[] = [];

async function body(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const form = new URLSearchParams(await body(request));
    forms.push(form);
    const ok = form.get('client_secret') === 's3cret' && form.get('password') !== 'wrong';
    response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    response.end(
      ok
        ? JSON.stringify({
            access_token: `tok-${forms.length}`,
            token_type: 'Bearer',
            expires_in: 3600,
          })
        : JSON.stringify({ error: 'invalid_client' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('target sign-in', () => {
  it('none: no token; bearer: the persona token, by email', async () => {
    expect(await noAuthenticator().login('a@x.test')).toEqual({ token: '' });
    const bearer = bearerAuthenticator(new Map([['a@x.test', 'token-a']]));
    expect(await bearer.login('A@x.test')).toEqual({ token: 'token-a' });
    await expect(bearer.login('b@x.test')).rejects.toThrow(/no bearer token for b@x.test/);
  });

  it('oauth2 client_credentials: one token for everyone, cached until near its expiry', async () => {
    forms.length = 0;
    let now = 1_000_000;
    const auth = oauth2Authenticator({
      tokenUrl,
      grant: 'client_credentials',
      clientId: 'mana',
      clientSecret: 's3cret',
      scope: 'mcp',
      now: () => now,
    });
    const first = await auth.login('a@x.test');
    expect(await auth.login('b@x.test')).toEqual(first);
    expect(forms).toHaveLength(1);
    expect(Object.fromEntries(forms[0] ?? [])).toEqual({
      grant_type: 'client_credentials',
      client_id: 'mana',
      client_secret: 's3cret',
      scope: 'mcp',
    });
    now += 3600_000 - 30_000; // within the last minute: a fresh token
    expect(await auth.login('a@x.test')).not.toEqual(first);
    expect(forms).toHaveLength(2);
  });

  it('oauth2 password: each persona its own user; a refusal names the status', async () => {
    forms.length = 0;
    const auth = oauth2Authenticator({
      tokenUrl,
      grant: 'password',
      clientId: 'mana',
      clientSecret: 's3cret',
      users: new Map([
        ['a@x.test', { username: 'anna', password: 'pw' }],
        ['b@x.test', { username: 'ben', password: 'wrong' }],
      ]),
    });
    expect((await auth.login('a@x.test')).token).toMatch(/^tok-/);
    expect(forms[0]?.get('username')).toBe('anna');
    expect(forms[0]?.get('grant_type')).toBe('password');
    await expect(auth.login('b@x.test')).rejects.toThrow(/answered 401/);
    await expect(auth.login('c@x.test')).rejects.toThrow(/no OAuth 2 user for c@x.test/);
  });
});
