import { describe, expect, it } from 'vitest';
import { derivePersonaPassword } from './password';

describe('derivePersonaPassword', () => {
  // Vectors computed independently (Python hmac + base64) from the design's rule.
  it.each([
    ['mana-dev-persona-seed-secret', 'persona.anna@mana.test', 'wg8p6SY3t5WWb1Ytg4YVag2GClZIDDbJ'],
    ['s3cret', 'persona.kai@mana.test', 'ZDhLkBC7H1OBjItGYC7WULDCgLtql8e0'],
  ])('HMAC-SHA256(%s, %s) → first 32 alphanumerics of base64', (secret, email, expected) => {
    expect(derivePersonaPassword(secret, email)).toBe(expected);
  });

  it('depends on the secret and the email', () => {
    const a = derivePersonaPassword('one', 'persona.anna@mana.test');
    expect(derivePersonaPassword('two', 'persona.anna@mana.test')).not.toBe(a);
    expect(derivePersonaPassword('one', 'persona.ben@mana.test')).not.toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('refuses an empty secret', () => {
    expect(() => derivePersonaPassword('', 'persona.anna@mana.test')).toThrow(/secret/);
  });
});
