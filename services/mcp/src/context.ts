import type { AccessClaims } from '@mana/contracts';
import type { CallerSpace } from './space-resolver';

/** Who is calling `/mcp`: the claims of a verified access token. */
export type Caller = AccessClaims;

/**
 * Hono variables of a gateway request: the request id; then, on `/mcp`, what the bearer
 * middleware found (the caller and the spaces it belongs to) and what the space
 * middleware chose (the space the request acts in, the modules it may use).
 */
export type GatewayEnv = {
  Variables: {
    requestId: string;
    caller: Caller;
    callerSpaces: CallerSpace[];
    spaceId: string;
    modules: ReadonlySet<string> | undefined;
  };
};
