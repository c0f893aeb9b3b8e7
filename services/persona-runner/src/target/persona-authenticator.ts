import type { IdentityClient, PersonaSpace } from '../clients/identity';

/**
 * How a persona's day signs in: `login` answers the token its MCP connection carries,
 * `spaces` where it may act (the identity service's spaces of the persona, by its token
 * or email). The built-in identity service (`IdentityClient`) is one; a target with a
 * sign-in of its own is another ({@link withTargetSignIn}).
 */
export interface PersonaAuthenticator {
  login(email: string): Promise<{ token: string }>;
  spaces(token: string, email: string): Promise<PersonaSpace[]>;
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
    login: (email) => target.login(email),
    async spaces(_token, email) {
      const { token } = await store.login(email);
      return store.spaces(token);
    },
  };
}
