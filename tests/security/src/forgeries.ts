import { randomUUID } from 'node:crypto';
import type { GatewayHarness } from '@mana/mcp/testing';
import { generateKeyPair, SignJWT } from 'jose';

/** A token the gateway must answer with 401, and what is wrong with it. */
export interface ForgedToken {
  name: string;
  token: string;
}

const part = (token: string, i: number) =>
  JSON.parse(Buffer.from(token.split('.')[i] as string, 'base64url').toString()) as Record<
    string,
    unknown
  >;
const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/**
 * Forgeries of a real access token: unsigned, signed by another key under the real key
 * id, a payload swapped under a real signature, and tokens the identity service's own
 * key signed but for another audience, another issuer, an expired or not-yet-valid time,
 * or an account that does not exist.
 */
export async function forgeTokens(h: GatewayHarness, real: string): Promise<ForgedToken[]> {
  const claims = part(real, 1);
  const header = part(real, 0);
  const now = Math.floor(Date.now() / 1000);
  const signed = async (payload: Record<string, unknown>) =>
    (await h.auth.auth.api.signJWT({ body: { payload } })).token;
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const [head, , signature] = real.split('.');
  return [
    { name: 'alg none', token: `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.` },
    {
      name: 'wrong key',
      token: await new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid: String(header.kid) })
        .sign(privateKey),
    },
    {
      name: 'payload swapped under a real signature',
      token: `${head}.${encode({ ...claims, sub: randomUUID() })}.${signature}`,
    },
    { name: 'wrong audience', token: await signed({ ...claims, aud: 'some-other-service' }) },
    { name: 'other issuer', token: await signed({ ...claims, iss: 'https://evil.example' }) },
    { name: 'expired', token: await signed({ ...claims, iat: now - 7200, exp: now - 10 }) },
    { name: 'not yet valid', token: await signed({ ...claims, iat: now, nbf: now + 3600 }) },
    { name: 'unknown account', token: await signed({ ...claims, sub: randomUUID() }) },
    { name: 'garbage', token: 'not.a.jwt' },
  ];
}
