import { verifyPassword } from 'better-auth/crypto';
import { describe, expect, it } from 'vitest';
import { limitedPasswordHashing, type PasswordHasher } from './password-hashing';

// Issue 10 item 1: a burst of logins must not take every core from the other services.
describe('limitedPasswordHashing', () => {
  it('runs at most `concurrency` hashes at once; the rest wait their turn in order', async () => {
    let inFlight = 0;
    let most = 0;
    const started: string[] = [];
    const release: Array<() => void> = [];
    const hasher: PasswordHasher = {
      hash: async (password) => {
        started.push(password);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => release.push(resolve));
        inFlight -= 1;
        return `h:${password}`;
      },
      verify: async ({ hash, password }) => hash === `h:${password}`,
    };
    const limited = limitedPasswordHashing(2, hasher);
    const hashes = ['a', 'b', 'c', 'd', 'e'].map((p) => limited.hash(p));
    // Let the limiter start what it may, then release one hash at a time.
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    expect(await Promise.all(hashes)).toEqual(['h:a', 'h:b', 'h:c', 'h:d', 'h:e']);
    expect(most).toBe(2);
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("hashes in Better Auth's own format, so existing accounts still sign in", async () => {
    const limited = limitedPasswordHashing(1);
    const hash = await limited.hash('correct horse battery');
    expect(await verifyPassword({ hash, password: 'correct horse battery' })).toBe(true);
    expect(await limited.verify({ hash, password: 'correct horse battery' })).toBe(true);
    expect(await limited.verify({ hash, password: 'wrong' })).toBe(false);
  });
});
