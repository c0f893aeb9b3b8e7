import type { IdentityClient, PersonaSpace } from '../clients/identity';

/**
 * How a persona's day signs in: `session` answers the token its MCP connection carries
 * and the spaces where it may act (the identity service's spaces of the persona). The
 * built-in identity service (`IdentityClient`, which keeps tokens across days) is one; a
 * target with a sign-in of its own is another ({@link withTargetSignIn}).
 */
export interface PersonaAuthenticator {
  session(email: string): Promise<{ token: string; spaces: PersonaSpace[] }>;
}

/**
 * A target's own sign-in: the token a persona's connection to that app carries (empty
 * for an app without sign-in). See `target-authenticators.ts`.
 */
export interface TargetSignIn {
  login(email: string): Promise<{ token: string }>;
}

/**
 * A target's sign-in for the app, the identity service (the persona store) for the
 * spaces: an app without spaces of its own has its actions stored under the persona's
 * spaces in the store (its personal one on most days), which the store checks rows against.
 */
export function withTargetSignIn(
  store: IdentityClient,
  target: TargetSignIn,
): PersonaAuthenticator {
  return {
    async session(email) {
      const [{ token }, { spaces }] = await Promise.all([
        target.login(email),
        store.session(email),
      ]);
      return { token, spaces };
    },
  };
}
