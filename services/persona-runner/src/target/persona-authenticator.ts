import type { IdentityClient, PersonaSpace } from '../clients/identity';

/** Whom a day signs in as: a claimed persona, with its spaces when the claim carried them. */
export interface DayPersona {
  userId: string;
  email: string;
  spaces?: PersonaSpace[] | undefined;
}

/**
 * How a persona's day signs in: `session` answers the token its MCP connection carries
 * and the spaces where it may act (the identity service's spaces of the persona). The
 * built-in identity service (`IdentityClient`, which keeps tokens across days) is one; a
 * target with a sign-in of its own is another ({@link withTargetSignIn}). `forget` drops
 * what it keeps of a persona whose day failed, so a token no longer taken fails one day.
 */
export interface PersonaAuthenticator {
  session(persona: DayPersona): Promise<{ token: string; spaces: PersonaSpace[] }>;
  forget?(persona: DayPersona): void;
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
    async session(persona) {
      const [{ token }, { spaces }] = await Promise.all([
        target.login(persona.email),
        store.session(persona),
      ]);
      return { token, spaces };
    },
    forget: (persona) => store.forget(persona),
  };
}
