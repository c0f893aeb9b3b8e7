import { createAppRegistry, type ToolSpec } from '@mana/tool-registry';
import { pino } from 'pino';
import { startGatewayHarness } from '../src/testing/harness';

/**
 * What `overhead.ts` and `profile-calls.ts` both start from: the gateway harness with one
 * persona, an official MCP client carrying its token, the app's registry and the
 * handler context of a direct call in the persona's personal space.
 */
export async function gatewayBench() {
  const h = await startGatewayHarness();
  await h.persona('bench');
  const token = await h.token('bench');
  const client = await h.connect({ authorization: `Bearer ${token}` });
  const registry = createAppRegistry();
  const rows = (await h.db.execute(
    `select m.user_id, m.organization_id from auth.members m join auth.users u on u.id = m.user_id where u.email = 'persona.bench@mana.test'`,
  )) as unknown as { rows: { user_id: string; organization_id: string }[] };
  const membership = rows.rows[0];
  if (!membership) throw new Error('bench persona has no space');
  const ctx = {
    userId: membership.user_id,
    spaceId: membership.organization_id,
    db: h.db,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
  };
  const tool = (name: string): ToolSpec => {
    const spec = registry.get(name);
    if (!spec) throw new Error(`no tool ${name}`);
    return spec;
  };
  return { h, token, client, ctx, tool };
}
