import { verifyOAuthQueryParams } from '@better-auth/oauth-provider';
import { storedText } from '@mana/contracts';
import { type Database, oauthClients } from '@mana/db';
import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { z } from 'zod';
import { clientAddress } from '../../middleware/client-address';
import type { AppEnv } from '../../middleware/principal';
import type { Auth } from '../auth';
import type { LoginLimiter } from '../login-limiter';
import { consentPage, errorPage, PAGE_HEADERS, signInPage } from '../oauth-page-html';
import { OAUTH_PAGES } from '../oauth-provider';

const oauthQuery = storedText().min(1).max(8192);
const signInForm = z.object({
  email: z.email().max(320),
  password: storedText().min(1).max(128),
  oauth_query: oauthQuery,
});
const consentForm = z.object({ accept: z.enum(['yes', 'no']), oauth_query: oauthQuery });

/** Better Auth's answer to a flow step: where the browser goes next. */
const nextStepSchema = z.object({ redirect: z.literal(true), url: z.string().min(1) });

/**
 * The two pages of the authorization flow of MCP clients, served by the identity service
 * (the OAuth provider plugin redirects here with a signed copy of the authorization
 * request, `oauth_query`):
 *
 * - `GET|POST /oauth/sign-in`: email and password. A wrong password shows the form again
 *   (401); success sets the session cookie and continues the flow. The login limiter of
 *   `POST /api/v1/auth/login` counts these attempts too (429 when over budget).
 * - `GET|POST /oauth/consent`: the client, the account, the scopes and the resource;
 *   Allow issues the code, Deny sends the client `access_denied`.
 *
 * Plain HTML forms, no scripts; a request whose signed query does not verify (tampered
 * or expired) gets an error page and goes nowhere.
 */
export function oauthPageRoutes(deps: {
  auth: Auth;
  db: Database;
  limiter: LoginLimiter;
  trustedProxies: number;
}) {
  const secret = async () => (await deps.auth.$context).secret;
  const page = (
    c: Context,
    body: HtmlEscapedString | Promise<HtmlEscapedString>,
    status: 200 | 400 | 401 | 429 = 200,
  ) => c.html(body, status, PAGE_HEADERS);
  const badRequest = (c: Context) =>
    page(c, errorPage('The sign-in request is invalid or has expired.'), 400);
  const clientName = async (query: URLSearchParams) => {
    const clientId = query.get('client_id');
    if (!clientId) return undefined;
    const [row] = await deps.db
      .select({ name: oauthClients.name })
      .from(oauthClients)
      .where(eq(oauthClients.clientId, clientId));
    return row?.name ?? undefined;
  };
  /** The signed query of a page request, or undefined when it does not verify. */
  const signedQuery = async (raw: string) =>
    raw && (await verifyOAuthQueryParams(raw, await secret())) ? raw : undefined;
  /** Runs one Better Auth step and sends the browser where it says, with its cookies. */
  const continueFlow = async (c: Context, response: Response) => {
    const next = nextStepSchema.safeParse(await response.json().catch(() => undefined));
    if (!next.success) return badRequest(c);
    const headers = new Headers({ location: next.data.url, ...PAGE_HEADERS });
    for (const cookie of response.headers.getSetCookie()) headers.append('set-cookie', cookie);
    return new Response(null, { status: 302, headers });
  };
  /** The browser's headers, asking Better Auth for JSON rather than a redirect. */
  const stepHeaders = (c: Context) => {
    const headers = new Headers(c.req.raw.headers);
    headers.set('accept', 'application/json');
    headers.delete('content-type');
    headers.delete('content-length');
    return headers;
  };

  return new Hono<AppEnv>()
    .get(OAUTH_PAGES.signIn, async (c) => {
      const query = await signedQuery(rawQuery(c));
      if (!query) return badRequest(c);
      const name = await clientName(new URLSearchParams(query));
      return page(c, signInPage({ oauthQuery: query, clientName: name }));
    })
    .post(OAUTH_PAGES.signIn, async (c) => {
      const body = await c.req.parseBody();
      const form = signInForm.safeParse(body);
      if (!form.success) {
        const raw = body.oauth_query;
        const query = typeof raw === 'string' ? await signedQuery(raw) : undefined;
        if (!query) return badRequest(c);
        const fields = form.error.issues.map((i) => i.path.join('.')).join(', ');
        const name = await clientName(new URLSearchParams(query));
        return page(
          c,
          signInPage({ oauthQuery: query, clientName: name, error: `Please check: ${fields}` }),
          400,
        );
      }
      const { email, password, oauth_query } = form.data;
      if (!(await signedQuery(oauth_query))) return badRequest(c);
      const keys = { email, address: clientAddress(c, deps.trustedProxies) };
      const refused = await deps.limiter.admit(keys);
      if (refused) {
        c.header('Retry-After', String(refused.retryAfterSeconds));
        const name = await clientName(new URLSearchParams(oauth_query));
        const error = 'Too many failed sign-ins; try again later.';
        return page(
          c,
          signInPage({ oauthQuery: oauth_query, clientName: name, email, error }),
          429,
        );
      }
      const response = await deps.auth.api.signInEmail({
        // `oauth_query` is read by the OAuth provider's sign-in hook, which resumes the
        // authorization once the session exists; sign-in's own body type does not list it.
        body: { email, password, oauth_query } as { email: string; password: string },
        headers: stepHeaders(c),
        asResponse: true,
      });
      if (response.status >= 500) {
        await deps.limiter.refund(keys);
        throw new Error(`sign-in failed: ${response.status}`);
      }
      if (!response.ok) {
        const name = await clientName(new URLSearchParams(oauth_query));
        return page(
          c,
          signInPage({
            oauthQuery: oauth_query,
            clientName: name,
            email,
            error: 'Email or password is wrong.',
          }),
          401,
        );
      }
      await deps.limiter.succeeded(keys);
      return continueFlow(c, response);
    })
    .get(OAUTH_PAGES.consent, async (c) => {
      const query = await signedQuery(rawQuery(c));
      if (!query) return badRequest(c);
      const session = await deps.auth.api.getSession({ headers: c.req.raw.headers });
      if (!session) return page(c, errorPage('You are not signed in any more.'), 401);
      const params = new URLSearchParams(query);
      return page(
        c,
        consentPage({
          oauthQuery: query,
          clientName: await clientName(params),
          userEmail: session.user.email,
          scopes: (params.get('scope') ?? '').split(' ').filter(Boolean),
          resources: params.getAll('resource'),
        }),
      );
    })
    .post(OAUTH_PAGES.consent, async (c) => {
      const form = consentForm.safeParse(await c.req.parseBody());
      if (!form.success || !(await signedQuery(form.data.oauth_query))) return badRequest(c);
      const response = await deps.auth.api.oauth2Consent({
        body: { accept: form.data.accept === 'yes', oauth_query: form.data.oauth_query },
        headers: stepHeaders(c),
        asResponse: true,
      });
      if (response.status === 401) {
        return page(c, errorPage('You are not signed in any more.'), 401);
      }
      if (response.status >= 500) throw new Error(`consent failed: ${response.status}`);
      if (!response.ok) return badRequest(c);
      return continueFlow(c, response);
    });
}

/** The query string of a request, without the `?`. */
function rawQuery(c: Context): string {
  return new URL(c.req.url).search.slice(1);
}
