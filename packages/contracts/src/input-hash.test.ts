import { describe, expect, it } from 'vitest';
import { hashToolInput } from './input-hash';

describe('hashToolInput', () => {
  it('is the sha256 of canonical JSON: key order does not matter, values do', () => {
    const a = hashToolInput({ title: 'x', tags: ['a', 'b'], nested: { b: 1, a: 2 } });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToolInput({ nested: { a: 2, b: 1 }, tags: ['a', 'b'], title: 'x' })).toBe(a);
    expect(hashToolInput({ title: 'x', tags: ['b', 'a'], nested: { b: 1, a: 2 } })).not.toBe(a);
    expect(hashToolInput(undefined)).toBe(hashToolInput({}));
  });
});
