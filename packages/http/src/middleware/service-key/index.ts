import { HEADER_DISPLAY_NAMES, HEADERS } from '@mana/contracts';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { ApiError } from '../../errors';
import { secretMatches } from '../../secret';

/** What {@link serviceKeyAuth} checks and how it answers. */
export interface ServiceKeyAuthOptions<E extends Env = Env> {
  /** The expected `MANA_SERVICE_KEY`; an empty key matches nothing. */
  key: string;
  /** The 401 message for a request without a valid key. */
  message?: string;
  /** The 401 message for a request whose key is wrong (default: `message`). */
  invalidMessage?: string;
  /** Runs once the key is accepted, before the route: e.g. records that the caller is a service. */
  onAccept?: (c: Context<E>) => void;
  /**
   * The guard that decides instead when the request sends no `X-Service-Key` (e.g. "or an
   * admin's token"). Without it such a request is a 401.
   */
  otherwise?: MiddlewareHandler<E>;
  /**
   * What a wrong key means when there is an `otherwise` guard: `'reject'` (default) answers
   * 401 at once, so a bad key is never masked by another credential; `'otherwise'` hands
   * the request to that guard as if no key had been sent.
   */
  wrongKey?: 'reject' | 'otherwise';
}

/** The 401 message unless the caller says otherwise. */
const SERVICE_KEY_REQUIRED = `A valid ${HEADER_DISPLAY_NAMES.serviceKey} header is required`;

/**
 * Whether the request carries the expected `X-Service-Key`, compared in constant time
 * ({@link secretMatches}).
 */
export function hasServiceKey(c: Context, key: string): boolean {
  return secretMatches(key, c.req.header(HEADERS.serviceKey));
}

/**
 * Guards routes with the shared service key (`X-Service-Key` equal to `MANA_SERVICE_KEY`,
 * constant-time compare). A request without a valid key is a 401
 * `{error:{code:'UNAUTHORIZED',message}}`, unless an `otherwise` guard is given for
 * requests that authenticate some other way.
 *
 * @example
 * // The runner's internal API: the key or nothing.
 * app.use('/internal/*', serviceKeyAuth({ key: env.serviceKey }));
 *
 * // The admin API: the key, or else an admin's bearer token.
 * app.use('/admin/*', serviceKeyAuth({ key: env.serviceKey, otherwise: requireAdminToken }));
 */
export function serviceKeyAuth<E extends Env = Env>(
  options: ServiceKeyAuthOptions<E>,
): MiddlewareHandler<E> {
  const message = options.message ?? SERVICE_KEY_REQUIRED;
  const invalidMessage = options.invalidMessage ?? message;
  const { otherwise, onAccept } = options;
  const wrongKeyGoesOn = options.wrongKey === 'otherwise';
  return async (c, next) => {
    const presented = c.req.header(HEADERS.serviceKey);
    if (secretMatches(options.key, presented)) {
      onAccept?.(c);
      return next();
    }
    if (otherwise && (presented === undefined || wrongKeyGoesOn)) return otherwise(c, next);
    throw new ApiError(401, 'UNAUTHORIZED', presented === undefined ? message : invalidMessage);
  };
}
