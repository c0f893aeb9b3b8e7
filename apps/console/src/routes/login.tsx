import { Hono } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AdminVerifier } from '../auth/admin-verifier';
import { loginWithIdentityService } from '../auth/identity-client';
import {
  clearSessionCookie,
  readSessionCookie,
  safeNext,
  setSessionCookie,
} from '../auth/session-cookie';
import type { ConsoleEnv } from '../context';
import { LoginPage } from '../views/login-page';

const loginForm = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(128),
  next: z.string().max(2000).optional(),
});

/** Messages of the sign-in page, by reason. */
export const LOGIN_MESSAGES = {
  NOT_ADMIN:
    'This account is not an admin. The console is for operators: ask an admin to give your account the admin role.',
  INVALID_FORM: 'Enter your email address and password.',
  UNVERIFIABLE: 'The identity service signed you in, but its token could not be verified.',
} as const;

/**
 * `GET /login` (the form), `POST /login` (signs in at the identity service, verifies the
 * token and that it is an admin's, then stores it in the session cookie) and
 * `POST /logout`. Failures show the form again with a message and a fitting status.
 */
export function loginRoutes(deps: { authUrl: string; verify: AdminVerifier; logger: Logger }) {
  return new Hono<ConsoleEnv>()
    .get('/login', async (c) => {
      const next = safeNext(c.req.query('next'));
      const current = await deps.verify(readSessionCookie(c));
      if (current.ok) return c.redirect(next, 302);
      const message = c.req.query('error') === 'not_admin' ? LOGIN_MESSAGES.NOT_ADMIN : undefined;
      return c.html(<LoginPage next={next} message={message} />);
    })
    .post('/login', async (c) => {
      const form = await c.req.parseBody();
      const fields = {
        email: typeof form.email === 'string' ? form.email.trim() : '',
        password: typeof form.password === 'string' ? form.password : '',
        next: typeof form.next === 'string' ? form.next : undefined,
      };
      const next = safeNext(fields.next);
      const parsed = loginForm.safeParse(fields);
      if (!parsed.success) {
        return c.html(
          <LoginPage next={next} email={fields.email} message={LOGIN_MESSAGES.INVALID_FORM} />,
          400,
        );
      }
      const { email, password } = parsed.data;
      const login = await loginWithIdentityService(deps.authUrl, { email, password });
      if (!login.ok) {
        const status = login.reason === 'unavailable' ? 502 : 401;
        if (login.reason === 'unavailable')
          deps.logger.warn({ email }, 'identity service unavailable');
        return c.html(<LoginPage next={next} email={email} message={login.message} />, status);
      }
      const verified = await deps.verify(login.accessToken);
      if (!verified.ok) {
        const notAdmin = verified.reason === 'not_admin';
        if (!notAdmin)
          deps.logger.warn({ email }, 'access token from the identity service did not verify');
        return c.html(
          <LoginPage
            next={next}
            email={email}
            message={notAdmin ? LOGIN_MESSAGES.NOT_ADMIN : LOGIN_MESSAGES.UNVERIFIABLE}
          />,
          notAdmin ? 403 : 502,
        );
      }
      setSessionCookie(c, login.accessToken, login.expiresAt);
      deps.logger.info({ userId: verified.admin.userId }, 'admin signed in');
      return c.redirect(next, 303);
    })
    .post('/logout', (c) => {
      clearSessionCookie(c);
      return c.redirect('/login', 303);
    });
}
