import { describe, expect, it } from 'vitest';
import { secretMatches } from './secret';

describe('secretMatches', () => {
  it('matches only the exact secret', () => {
    expect(secretMatches('key-123', 'key-123')).toBe(true);
    expect(secretMatches('key-123', 'key-124')).toBe(false);
    expect(secretMatches('key-123', 'key-12')).toBe(false);
    expect(secretMatches('key-123', 'key-1234')).toBe(false);
  });

  it('never matches when either side is empty or missing', () => {
    expect(secretMatches('', '')).toBe(false);
    expect(secretMatches('key', undefined)).toBe(false);
    expect(secretMatches('key', null)).toBe(false);
    expect(secretMatches('', 'key')).toBe(false);
  });
});
