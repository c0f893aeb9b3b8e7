import { request } from 'node:http';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';

/**
 * An {@link OAuthClientProvider} that keeps everything in memory, as a desktop MCP client
 * keeps it on disk: the registration, the tokens, the PKCE verifier. Its redirect URI is
 * a loopback URL nobody listens on; the test's {@link Browser} stops there and reads the
 * code, as the client's own callback server would.
 */
export class MemoryOAuthProvider implements OAuthClientProvider {
  client: OAuthClientInformationMixed | undefined;
  saved: OAuthTokens | undefined;
  verifier = '';
  /** The authorization URL the SDK sent the user to, last. */
  authorizationUrl: URL | undefined;

  constructor(
    readonly redirectUrl: string,
    private readonly name = 'Test MCP client',
  ) {}

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  state() {
    return 'state-0123456789';
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

/** The page a {@link Browser} stopped at when it was not the client's callback. */
export class BrowserStop extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    super(`browser stopped at ${status} ${url}: ${body.slice(0, 300)}`);
  }
}

/**
 * Just enough of a browser for the authorization flow: follows redirects as top-level
 * navigations with a cookie jar, fills the sign-in form and answers the consent page,
 * and stops at the client's redirect URI (returning it with the code) without loading it.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly credentials: { email: string; password: string }) {}

  /** Runs the flow from an authorization URL to the client's callback URL. */
  async authorize(start: URL | string, callbackPrefix: string, consent: 'yes' | 'no' = 'yes') {
    let page = await this.navigate(String(start));
    for (let step = 0; step < 10; step++) {
      if (page.status >= 300 && page.status < 400) {
        const location = new URL(page.location ?? '', page.url);
        if (location.href.startsWith(callbackPrefix)) return location;
        page = await this.navigate(location.href);
        continue;
      }
      const form = hiddenQuery(page.text);
      if (page.status !== 200 || !form) throw new BrowserStop(page.status, page.url, page.text);
      const path = new URL(page.url).pathname;
      const fields: Record<string, string> = path.endsWith('/sign-in')
        ? { ...this.credentials, oauth_query: form }
        : { accept: consent, oauth_query: form };
      page = await this.navigate(page.url.split('?')[0] ?? '', fields);
    }
    throw new Error('too many steps');
  }

  /**
   * One top-level navigation (GET, or a form POST when `form` is given), through
   * `node:http` because `fetch` always says `Sec-Fetch-Mode: cors`, which servers rightly
   * answer with JSON instead of a redirect.
   */
  async navigate(url: string, form?: Record<string, string>): Promise<Page> {
    const headers: Record<string, string> = { accept: 'text/html', 'sec-fetch-mode': 'navigate' };
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    const body = form ? new URLSearchParams(form).toString() : undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = new URL(url).origin;
    }
    const page = await new Promise<Page>((resolve, reject) => {
      const req = request(url, { method: form ? 'POST' : 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            url,
            location: res.headers.location,
            setCookie: res.headers['set-cookie'] ?? [],
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
    for (const line of page.setCookie) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return page;
  }
}

/** What a {@link Browser} navigation got back. */
export interface Page {
  status: number;
  url: string;
  location: string | undefined;
  setCookie: string[];
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** The `oauth_query` hidden field of a flow page, HTML entities decoded. */
export function hiddenQuery(html: string): string | undefined {
  const match = html.match(/name="oauth_query" value="([^"]*)"/);
  return match?.[1]?.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"');
}
