import { z } from 'zod';
import type { TargetSignIn } from './persona-authenticator';

/** No sign-in: the connection carries no token. */
export function noAuthenticator(): TargetSignIn {
  return { login: async () => ({ token: '' }) };
}

/** A static bearer token per persona (already read from its env var or file), by email. */
export function bearerAuthenticator(tokens: ReadonlyMap<string, string>): TargetSignIn {
  return {
    async login(email) {
      const token = tokens.get(email.toLowerCase());
      if (!token) throw new Error(`the target has no bearer token for ${email}`);
      return { token };
    },
  };
}

/** What {@link oauth2Authenticator} needs, secrets already read. */
export interface OAuth2Settings {
  tokenUrl: string;
  grant: 'client_credentials' | 'password';
  clientId: string;
  clientSecret?: string | undefined;
  scope?: string | undefined;
  /** Password grant: email → credentials. */
  users?: ReadonlyMap<string, { username: string; password: string }>;
  fetch?: typeof fetch;
  /** Real time: token expiry is real even when the runner's clock is simulated. */
  now?: () => number;
}

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
});

/**
 * Tokens from an OAuth 2 token endpoint (RFC 6749 §4.3 password, §4.4 client
 * credentials; client authentication in the body, §2.3.1), cached per email until a
 * minute before they expire (an hour when the answer does not say).
 */
export function oauth2Authenticator(settings: OAuth2Settings): TargetSignIn {
  const doFetch = settings.fetch ?? fetch;
  const now = settings.now ?? Date.now;
  const cache = new Map<string, { token: string; expiresAt: number }>();
  return {
    async login(email) {
      const key = settings.grant === 'password' ? email.toLowerCase() : '';
      const cached = cache.get(key);
      if (cached && cached.expiresAt - 60_000 > now()) return { token: cached.token };
      const form = new URLSearchParams({
        grant_type: settings.grant,
        client_id: settings.clientId,
      });
      if (settings.clientSecret) form.set('client_secret', settings.clientSecret);
      if (settings.scope) form.set('scope', settings.scope);
      if (settings.grant === 'password') {
        const user = settings.users?.get(email.toLowerCase());
        if (!user) throw new Error(`the target has no OAuth 2 user for ${email}`);
        form.set('username', user.username);
        form.set('password', user.password);
      }
      const response = await doFetch(settings.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form,
      });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`the token endpoint answered ${response.status}: ${text.slice(0, 200)}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const answer = tokenAnswerSchema.safeParse(json);
      if (!answer.success) throw new Error('the token endpoint answered no access_token');
      const expiresAt = now() + (answer.data.expires_in ?? 3600) * 1000;
      cache.set(key, { token: answer.data.access_token, expiresAt });
      return { token: answer.data.access_token };
    },
  };
}
