import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { OAUTH_PAGES } from './oauth-provider';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * Headers of every page of the authorization flow: never framed (a framed consent
 * button is a clickjacking target), never cached, no scripts at all.
 */
export const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
} as const;

const layout = (title: string, body: Html) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Mana</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 26rem; margin: 4rem auto; padding: 0 1rem; color: #1d1d1f; }
      h1 { font-size: 1.4rem; }
      label { display: block; margin: 1rem 0 .25rem; }
      input[type=email], input[type=password] { width: 100%; padding: .5rem; box-sizing: border-box; }
      button { margin-top: 1.25rem; padding: .5rem 1.25rem; margin-right: .5rem; }
      .error { color: #b00020; }
      .muted { color: #6e6e73; font-size: .9rem; }
      code { background: #f2f2f4; padding: 0 .25rem; }
    </style>
  </head>
  <body>
    ${body}
  </body>
</html>`;

/** What the sign-in page shows. */
export interface SignInView {
  /** The signed authorization request, carried through the form unchanged. */
  oauthQuery: string;
  clientName: string | undefined;
  email?: string | undefined;
  error?: string | undefined;
}

/** The email + password form of the authorization flow. */
export function signInPage(view: SignInView) {
  return layout(
    'Sign in',
    html`<h1>Sign in to Mana</h1>
      <p>${view.clientName ? html`<strong>${view.clientName}</strong> asks` : 'An MCP client asks'}
        to use Mana's tools on your behalf. Sign in to continue.</p>
      ${view.error ? html`<p class="error" role="alert">${view.error}</p>` : ''}
      <form method="post" action="${OAUTH_PAGES.signIn}">
        <input type="hidden" name="oauth_query" value="${view.oauthQuery}" />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="${view.email ?? ''}" />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Sign in</button>
      </form>`,
  );
}

/** What the consent page shows. */
export interface ConsentView {
  oauthQuery: string;
  clientName: string | undefined;
  userEmail: string;
  scopes: string[];
  resources: string[];
}

/** Allow or deny: the client, the account, the scopes and the resource it asks for. */
export function consentPage(view: ConsentView) {
  return layout(
    'Allow access',
    html`<h1>Allow access?</h1>
      <p><strong>${view.clientName ?? 'An MCP client'}</strong> wants to use Mana's tools as
        <strong>${view.userEmail}</strong>: read and change what is in your spaces.</p>
      <p class="muted">Scopes: ${view.scopes.map((s, i) => html`${i ? ', ' : ''}<code>${s}</code>`)}
        ${view.resources.length ? html`<br />For: ${view.resources.map((r, i) => html`${i ? ', ' : ''}<code>${r}</code>`)}` : ''}</p>
      <form method="post" action="${OAUTH_PAGES.consent}">
        <input type="hidden" name="oauth_query" value="${view.oauthQuery}" />
        <button type="submit" name="accept" value="yes">Allow</button>
        <button type="submit" name="accept" value="no">Deny</button>
      </form>`,
  );
}

/** A dead end of the flow (an expired or tampered request, no session). */
export function errorPage(message: string) {
  return layout(
    'Sign-in problem',
    html`<h1>This sign-in cannot continue</h1>
      <p class="error" role="alert">${message}</p>
      <p class="muted">Start again from your MCP client.</p>`,
  );
}
