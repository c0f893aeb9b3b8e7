import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTarget } from './load-target';
import { TargetError } from './target-error';

const dir = mkdtempSync(join(tmpdir(), 'mana-target-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const persona = (email: string) => ({
  email,
  name: 'P',
  archetype: 'tester',
  systemPrompt: 'You test.',
  moduleMix: { notes: 1 },
  tickCadence: 'daily',
});

/** Writes `content` as a target file and answers the problems loading it names. */
function problemsOf(content: unknown, env: Record<string, string> = {}): readonly string[] {
  const path = join(dir, `t-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  try {
    loadTarget(path, { env });
  } catch (error) {
    if (error instanceof TargetError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadTarget', () => {
  it('names every schema problem at once: an unknown key, a missing server, a bad rule', () => {
    const problems = problemsOf({
      name: 'x',
      colour: 'blue',
      auth: { mode: 'none', realm: 'x' },
      modules: { separator: '.', map: { notes: ['a'] } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\(file\): .*colour/),
        expect.stringMatching(/^server: /),
        expect.stringMatching(/^auth: .*realm/),
        expect.stringMatching(/^modules: needs exactly one of separator or map/),
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('refuses a server with both a url and a command, and stdio keys on an HTTP server', () => {
    const problems = problemsOf({
      name: 'x',
      server: { url: 'http://127.0.0.1:1/mcp', command: 'node', env: { A: 'b' } },
      auth: { mode: 'none' },
      modules: { separator: '_' },
    });
    expect(problems).toEqual([expect.stringMatching(/^server: needs exactly one of url/)]);
  });

  it('names missing secrets and personas without a token, but never a secret', () => {
    const problems = problemsOf(
      {
        name: 'x',
        server: { url: 'http://127.0.0.1:1/mcp' },
        auth: {
          mode: 'bearer',
          tokens: {
            'a@personas.test': { env: 'TOKEN_A' },
            'b@personas.test': { file: 'missing-token.txt' },
            'stranger@personas.test': { env: 'TOKEN_S' },
          },
        },
        modules: { separator: '_' },
        personas: {
          personas: [
            persona('a@personas.test'),
            persona('b@personas.test'),
            persona('c@personas.test'),
          ],
        },
      },
      { TOKEN_S: 'secret-value' },
    );
    expect(problems).toEqual([
      'auth.tokens.a@personas.test: the environment variable TOKEN_A is not set',
      'auth.tokens.b@personas.test: cannot read the file missing-token.txt',
      'auth.tokens: no token for the persona c@personas.test',
      'auth.tokens.stranger@personas.test: not a persona of the target',
    ]);
  });

  it('says when the file is not JSON', () => {
    expect(problemsOf('{ nope')[0]).toMatch(/^cannot read it as JSON/);
  });

  it('loads the shipped targets', () => {
    const memory = loadTarget(join(import.meta.dirname, '../../../../targets/memory.json'), {
      env: {},
    });
    expect(memory.modules).toEqual(['entities', 'relations']);
    expect(memory.runner?.name).toBe('memory');
    memory.dispose();
    const builtin = loadTarget(join(import.meta.dirname, '../../../../targets/builtin.json'), {
      env: {},
    });
    expect(builtin.runner).toBeUndefined();
    expect(builtin.catalog.personas.length).toBeGreaterThan(5);
  });
});
