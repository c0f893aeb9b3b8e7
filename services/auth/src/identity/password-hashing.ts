import { availableParallelism } from 'node:os';
import { hashPassword, verifyPassword } from 'better-auth/crypto';
import pLimit from 'p-limit';

/**
 * How many password hashes may run at once by default: every core but one, and never
 * more than libuv's pool less two threads. Better Auth hashes with `node:crypto` scrypt
 * on that pool (4 threads unless `UV_THREADPOOL_SIZE` says otherwise), which never blocks
 * the event loop but queues everything else that needs the pool behind the hashes, e.g.
 * the gateway's token checks (WebCrypto): with 20 wrong-password logins in flight,
 * `todo.list` through the gateway of the same process went from 20 ms to 2.1 s
 * (`npm run bench:login`).
 */
export function defaultHashConcurrency(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(availableParallelism() - 1, pool - 2));
}

/**
 * Better Auth's own scrypt hash and verify, at most `concurrency` at a time; the rest
 * wait their turn in order. Hashes stay in Better Auth's format, so existing accounts
 * sign in as before.
 */
export function limitedPasswordHashing(concurrency: number, hasher: PasswordHasher = SCRYPT) {
  const limit = pLimit(concurrency);
  return {
    hash: (password: string) => limit(() => hasher.hash(password)),
    verify: (data: { hash: string; password: string }) => limit(() => hasher.verify(data)),
  };
}

/** A password hash and its check, in Better Auth's `emailAndPassword.password` shape. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(data: { hash: string; password: string }): Promise<boolean>;
}

const SCRYPT: PasswordHasher = { hash: hashPassword, verify: verifyPassword };
