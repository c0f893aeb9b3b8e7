import { HEADERS } from '@mana/contracts';
import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../context';
import { fail } from '../errors';
import type { GatewayMetrics } from '../metrics';

/**
 * Pins an `/mcp` request (after {@link requireCaller}) to one space and, optionally, to
 * some modules:
 *
 * - `X-Mana-Space: <spaceId>` must be one of the caller's spaces (403 `FORBIDDEN_SPACE`);
 *   absent, the caller's personal space (403 `NO_PERSONAL_SPACE` when it has none). Both
 *   count as `forbidden_space` in `mcp_requests_rejected_total`. The chosen id is echoed
 *   in the answer's `X-Mana-Space` and set as `spaceId`.
 * - `X-Mana-Modules: todo,journal` narrows what the connection lists and may call to
 *   those modules (a persona sees only the modules it uses); absent means all. Set as
 *   `modules`.
 */
export function selectSpace(deps: { metrics: GatewayMetrics }): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const memberships = c.get('callerSpaces');
    const wanted = c.req.header(HEADERS.space)?.trim();
    const space = wanted
      ? memberships.find((s) => s.id === wanted)
      : memberships.find((s) => s.type === 'personal');
    if (!space) {
      deps.metrics.rejected('forbidden_space');
      throw wanted
        ? fail('FORBIDDEN_SPACE', `You are not a member of space ${wanted}`)
        : fail('NO_PERSONAL_SPACE');
    }
    c.header(HEADERS.space, space.id);
    c.set('spaceId', space.id);
    c.set('modules', parseModules(c.req.header(HEADERS.modules)));
    await next();
  };
}

function parseModules(header: string | undefined): ReadonlySet<string> | undefined {
  if (header === undefined) return undefined;
  return new Set(
    header
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean),
  );
}
