import { errorBody, isJsonRequest, jsonOnly, storableBody } from '@mana/http';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { fail } from '../errors';
import type { AppEnv } from '../middleware/principal';
import type { Auth } from './auth';

/** One Better Auth endpoint this service lets the world call. */
export interface OpenAuthEndpoint {
  method: 'GET' | 'POST';
  /** Below `/api/auth`. */
  path: string;
  /** What the body must be: JSON (415 otherwise), form or JSON (OAuth), or none. */
  body: 'json' | 'form' | 'none';
  why: string;
}

/**
 * The Better Auth endpoints open over HTTP; every other one (Better Auth mounts about 80)
 * answers 404. Spaces, their members, slugs and types belong to the admin API; email
 * changes, password resets, social accounts and OAuth client administration are not part
 * of this service; a password is checked only where the login limiter sees it.
 * `docs/design.md` lists what is closed.
 */
export const OPEN_AUTH_ENDPOINTS: readonly OpenAuthEndpoint[] = [
  { method: 'GET', path: '/ok', body: 'none', why: 'liveness of Better Auth' },
  { method: 'GET', path: '/error', body: 'none', why: 'the error page OAuth redirects to' },
  { method: 'GET', path: '/jwks', body: 'none', why: 'every service verifies tokens with it' },
  { method: 'POST', path: '/sign-up/email', body: 'json', why: 'humans create accounts' },
  { method: 'POST', path: '/sign-out', body: 'json', why: 'end a session' },
  { method: 'GET', path: '/get-session', body: 'none', why: 'the current session' },
  { method: 'GET', path: '/token', body: 'none', why: "a session's JWT" },
  { method: 'POST', path: '/update-user', body: 'json', why: 'rename oneself' },
  { method: 'GET', path: '/list-sessions', body: 'none', why: "one's own sessions" },
  { method: 'POST', path: '/revoke-session', body: 'json', why: "end one's own session" },
  { method: 'POST', path: '/revoke-sessions', body: 'json', why: "end one's own sessions" },
  {
    method: 'POST',
    path: '/revoke-other-sessions',
    body: 'json',
    why: "end one's other sessions",
  },
  { method: 'GET', path: '/organization/list', body: 'none', why: "one's spaces" },
  {
    method: 'GET',
    path: '/organization/get-full-organization',
    body: 'none',
    why: 'a space one belongs to, with its members',
  },
  {
    method: 'GET',
    path: '/organization/list-members',
    body: 'none',
    why: 'members of a space one belongs to',
  },
  {
    method: 'GET',
    path: '/organization/get-active-member',
    body: 'none',
    why: 'one\u2019s membership',
  },
  {
    method: 'POST',
    path: '/organization/set-active',
    body: 'json',
    why: "choose the session's space",
  },
  {
    method: 'POST',
    path: '/organization/update',
    body: 'json',
    why: 'an owner renames a space (name and logo only)',
  },
  { method: 'GET', path: '/oauth2/authorize', body: 'none', why: 'MCP clients: OAuth' },
  { method: 'POST', path: '/oauth2/register', body: 'json', why: 'MCP clients: RFC 7591' },
  { method: 'POST', path: '/oauth2/token', body: 'form', why: 'MCP clients: tokens' },
  { method: 'POST', path: '/oauth2/revoke', body: 'form', why: 'MCP clients: RFC 7009' },
  { method: 'POST', path: '/oauth2/introspect', body: 'form', why: 'MCP clients: RFC 7662' },
];

/** What `POST /organization/update` may change: a space's slug and type are the admin API's. */
const UPDATABLE_SPACE_FIELDS = new Set(['name', 'logo']);

/**
 * Mounts {@link OPEN_AUTH_ENDPOINTS}: JSON-only where they read JSON, NUL refused in any
 * field, and Better Auth's `{message, code}` errors answered as `{error:{code,message}}`
 * like every other route (OAuth's own `{error, error_description}` stays as RFC 6749
 * wants it).
 */
export function betterAuthRoutes(deps: { auth: Auth }) {
  const app = new Hono<AppEnv>();
  const forward = async (c: Context) => uniformError(await deps.auth.handler(c.req.raw));
  for (const endpoint of OPEN_AUTH_ENDPOINTS) {
    const guards: MiddlewareHandler[] = [];
    if (endpoint.body === 'json') guards.push(jsonOnly());
    if (endpoint.body !== 'none') guards.push(storableBody());
    if (endpoint.path === '/organization/update') guards.push(spaceUpdateGuard);
    app.on(endpoint.method, endpoint.path, every(...guards), forward);
  }
  return app;
}

/** 400 naming `data.slug` / `data.type` (or any other field) an update may not change. */
const spaceUpdateGuard: MiddlewareHandler = async (c, next) => {
  const body: unknown = await c.req.raw
    .clone()
    .json()
    .catch(() => undefined);
  const data = body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  const refused =
    data && typeof data === 'object'
      ? Object.keys(data).filter((key) => !UPDATABLE_SPACE_FIELDS.has(key))
      : [];
  if (refused.length > 0) {
    const message =
      'set by the admin API (PUT /api/v1/admin/spaces); only name and logo change here';
    throw fail(
      'VALIDATION_FAILED',
      `Invalid request body: ${refused.map((k) => `data.${k}`).join(', ')} ${message}`,
      {
        fields: refused.map((key) => ({ path: `data.${key}`, message })),
      },
    );
  }
  await next();
};

const STATUS_CODES: Partial<Record<number, string>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'VALIDATION_FAILED',
  429: 'TOO_MANY_REQUESTS',
};

/** Re-renders a Better Auth `{message, code?}` error body as `{error:{code,message}}`. */
async function uniformError(response: Response): Promise<Response> {
  if (response.status < 400 || !isJsonRequest(response.headers.get('content-type') ?? undefined)) {
    return response;
  }
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  if (!body || typeof body !== 'object' || 'error' in body) return response;
  const { message, code } = body as { message?: unknown; code?: unknown };
  if (typeof message !== 'string') return response;
  const stable =
    typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code)
      ? code
      : (STATUS_CODES[response.status] ?? 'INTERNAL');
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(errorBody(stable, message)), {
    status: response.status,
    headers,
  });
}
