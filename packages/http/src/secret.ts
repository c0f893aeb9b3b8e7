import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented secret with the expected one in constant time. Both are hashed
 * first so neither their contents nor their lengths leak through timing. An empty
 * expected secret matches nothing.
 */
export function secretMatches(expected: string, presented: string | undefined | null): boolean {
  if (!expected || !presented) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(presented).digest();
  return timingSafeEqual(a, b);
}
