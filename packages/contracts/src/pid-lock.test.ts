import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takePidLock } from './pid-lock';

describe('takePidLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pid-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a free lock with this pid and gives it back', () => {
    const file = join(dir, 'x.lock');
    const lock = takePidLock(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    if (!('release' in lock)) throw new Error('expected the lock');
    // This process may take it again.
    expect('release' in takePidLock(file)).toBe(true);
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('answers the holder when a live process holds it, and leaves its file alone', () => {
    const file = join(dir, 'x.lock');
    writeFileSync(file, String(process.ppid));
    expect(takePidLock(file)).toEqual({ holder: process.ppid });
    expect(readFileSync(file, 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a lock whose process is gone (or that holds no pid)', () => {
    const file = join(dir, 'x.lock');
    writeFileSync(file, '4194305'); // above the kernel's largest pid
    expect('release' in takePidLock(file)).toBe(true);
    writeFileSync(file, 'garbage');
    expect('release' in takePidLock(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
  });
});
