import { Layout } from './layout';

/** What the sign-in form shows. */
export interface LoginPageProps {
  next: string;
  email?: string | undefined;
  /** Why the last attempt failed. */
  message?: string | undefined;
}

/** The sign-in form; it posts to `/login` and returns to `next` afterwards. */
export function LoginPage(props: LoginPageProps) {
  return (
    <Layout title="Sign in" nav="none">
      <div class="login card">
        <h1>Mana console</h1>
        <p class="sub">Sign in with an admin account of the identity service.</p>
        <form method="post" action="/login" data-testid="login-form">
          <input type="hidden" name="next" value={props.next} />
          <label for="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email ?? ''}
            data-testid="login-email"
          />
          <label for="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            data-testid="login-password"
          />
          <button type="submit" data-testid="login-submit">
            Sign in
          </button>
          {props.message ? (
            <p class="message" role="alert" data-testid="login-error">
              {props.message}
            </p>
          ) : null}
        </form>
      </div>
    </Layout>
  );
}
