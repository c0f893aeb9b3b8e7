import { type Database, users } from '@mana/db';
import { eq } from 'drizzle-orm';
import type { Auth } from '../auth';

/**
 * Makes sure an admin account with this email exists: signs it up through Better Auth
 * when missing (with this password) and grants it the `admin` role. An existing
 * account keeps its password. Returns the account id and whether it was created.
 */
export async function ensureAdminAccount(
  auth: Auth,
  db: Database,
  admin: { email: string; password: string; name?: string },
): Promise<{ userId: string; created: boolean }> {
  const email = admin.email.toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  let userId = existing?.id;
  if (!userId) {
    const result = await auth.api.signUpEmail({
      body: { email, password: admin.password, name: admin.name ?? 'Admin' },
    });
    userId = result.user.id;
  }
  await db.update(users).set({ role: 'admin', deletedAt: null }).where(eq(users.id, userId));
  return { userId, created: !existing };
}
