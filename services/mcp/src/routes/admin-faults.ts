import { readJson, serviceKeyAuth, validate } from '@mana/http';
import { type FaultInjector, formatFaults, parseFaults } from '@mana/tool-registry';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import { fail } from '../errors';

const body = z.object({ faults: z.string().max(2000) });

/**
 * The fault drill at run time (behind `X-Service-Key`): `GET /admin/faults` shows the
 * active faults, `PUT /admin/faults {"faults":"journal:errors=0.5,latency=800"}` replaces
 * them (an empty string switches them off).
 */
export function adminFaultRoutes(deps: {
  faults: FaultInjector;
  serviceKey: string;
  logger: Logger;
}) {
  const describe = () => ({
    faults: formatFaults(deps.faults.current()),
    active: deps.faults.current(),
  });
  return new Hono()
    .use(serviceKeyAuth({ key: deps.serviceKey }))
    .get('/faults', (c) => c.json(describe()))
    .put('/faults', async (c) => {
      const { faults } = validate(body, await readJson(c), 'request body');
      try {
        deps.faults.set(parseFaults(faults));
      } catch (error) {
        throw fail('VALIDATION_FAILED', error instanceof Error ? error.message : String(error));
      }
      deps.logger.warn({ faults: formatFaults(deps.faults.current()) }, 'fault drill changed');
      return c.json(describe());
    });
}
