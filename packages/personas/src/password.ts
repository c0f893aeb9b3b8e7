import { createHmac } from 'node:crypto';

/** Length of a derived persona password. */
export const PERSONA_PASSWORD_LENGTH = 32;

/**
 * The password of a persona account: the first 32 alphanumerics of
 * base64(HMAC-SHA256(key = seed secret, message = email)). The seed uses it to sign the
 * persona up and the runner to log in as it, so no password is ever stored or shared.
 * This is the only implementation; everything else imports it.
 *
 * @example
 * derivePersonaPassword(process.env.PERSONA_SEED_SECRET, 'persona.anna@mana.test')
 */
export function derivePersonaPassword(seedSecret: string, email: string): string {
  if (!seedSecret) throw new Error('derivePersonaPassword needs a non-empty seed secret');
  const digest = createHmac('sha256', seedSecret).update(email.toLowerCase()).digest('base64');
  const password = digest.replace(/[^A-Za-z0-9]/g, '').slice(0, PERSONA_PASSWORD_LENGTH);
  // 43 base64 characters minus at most a few '+' and '/' leave well over 32.
  if (password.length < PERSONA_PASSWORD_LENGTH) {
    throw new Error(`derived password for ${email} is too short`);
  }
  return password;
}
