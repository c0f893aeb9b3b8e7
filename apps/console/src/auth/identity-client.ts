import { z } from 'zod';

const loginAnswer = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
});

const errorAnswer = z.object({ error: z.object({ message: z.string() }) });

/** What signing in against the identity service came to. */
export type LoginResult =
  | { ok: true; accessToken: string; expiresAt: string }
  | { ok: false; reason: 'invalid_credentials' | 'rejected' | 'unavailable'; message: string };

/**
 * Signs in through the identity service's `POST /api/v1/auth/login`. Wrong credentials
 * and other refusals come back as results with a message fit to show; a service that
 * does not answer (or answers nonsense) is `unavailable`.
 */
export async function loginWithIdentityService(
  authUrl: string,
  credentials: { email: string; password: string },
  fetcher: typeof fetch = fetch,
): Promise<LoginResult> {
  let response: Response;
  try {
    response = await fetcher(`${authUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(credentials),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    return { ok: false, reason: 'unavailable', message: 'The identity service did not answer.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 401) {
    return { ok: false, reason: 'invalid_credentials', message: 'Email or password is wrong.' };
  }
  if (response.status >= 400 && response.status < 500) {
    const parsed = errorAnswer.safeParse(body);
    return {
      ok: false,
      reason: 'rejected',
      message: parsed.success
        ? parsed.data.error.message
        : 'The identity service refused the sign-in.',
    };
  }
  const parsed = loginAnswer.safeParse(body);
  if (!response.ok || !parsed.success) {
    return {
      ok: false,
      reason: 'unavailable',
      message: 'The identity service failed to sign you in.',
    };
  }
  return { ok: true, ...parsed.data };
}
