import { randomUUID } from 'node:crypto';
import { type Database, oauthResources } from '@mana/db';

/**
 * Lets the authorization server issue tokens for a protected resource (RFC 8707): the
 * MCP gateway's `/mcp` URL, exactly as its protected resource metadata names it.
 * Idempotent; a resource that is already known keeps its row (and any policy set on it).
 */
export async function ensureOAuthResource(
  db: Database,
  identifier: string,
  name = 'Mana MCP gateway',
): Promise<void> {
  const now = new Date();
  await db
    .insert(oauthResources)
    .values({ id: randomUUID(), identifier, name, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: oauthResources.identifier });
}
