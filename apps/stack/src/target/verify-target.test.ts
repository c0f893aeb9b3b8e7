// Start-up checks of a target against its running server: the reference memory server
// over stdio, and an HTTP URL nothing answers at (no database).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetFile } from '@mana/contracts';
import type { IdentityClient } from '@mana/persona-runner';
import { describe, expect, it } from 'vitest';
import { loadTarget } from './load-target';
import { TargetError } from './target-error';
import { verifyTarget } from './verify-target';

const memory = join(import.meta.dirname, '../../../../targets/memory.json');
const noIdentity: Pick<IdentityClient, 'passwordSession'> = {
  passwordSession: () => Promise.reject(new Error('not used')),
};

/** The memory target with `change` applied to its file, verified against the server. */
async function problemsWith(change: (file: TargetFile) => void): Promise<readonly string[]> {
  const target = loadTarget(memory, { env: {} });
  const file = structuredClone(target.file);
  change(file);
  const dir = mkdtempSync(join(tmpdir(), 'mana-verify-'));
  const path = join(dir, 'target.json');
  // The server's working directory stays the repository's (an absolute cwd).
  const cwd = join(import.meta.dirname, '../../../..');
  writeFileSync(path, JSON.stringify({ ...file, server: { ...file.server, cwd } }));
  const changed = loadTarget(path, { env: {} });
  try {
    await verifyTarget(changed, noIdentity, undefined);
    return [];
  } catch (error) {
    if (error instanceof TargetError) return error.problems;
    throw error;
  } finally {
    changed.dispose();
    target.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('verifyTarget (server-memory over stdio)', () => {
  it('accepts the shipped memory target', async () => {
    expect(await problemsWith(() => {})).toEqual([]);
  }, 30_000);

  it('names a rule that maps no tool', async () => {
    const problems = await problemsWith((file) => {
      file.modules = { separator: '.' };
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^modules.separator "\." maps no tool of the server \(it lists create_entities, /,
      ),
    ]);
  }, 30_000);

  it('names map entries, persona modules and checks the server does not have, all at once', async () => {
    const problems = await problemsWith((file) => {
      file.modules.map?.entities?.push('rename_entity');
      const mara = file.personas?.personas[0];
      if (mara) mara.moduleMix = { entities: 0.5, calendar: 0.5 };
      const declared = file.checks?.create_entities;
      const check = declared && 'checks' in declared ? declared.checks[0] : undefined;
      if (check) check.read = 'find_entity';
    });
    expect(problems).toEqual([
      'modules.map.entities: rename_entity is not a tool of the server (it lists create_entities, create_relations, add_observations, delete_entities, delete_observations, delete_relations, read_graph, search_nodes, open_nodes)',
      'personas.personas.0.moduleMix.calendar: mara.memory@personas.mana.test uses a module the server does not have (it has entities, relations)',
      'checks.create_entities.checks.0.read: find_entity is not a tool of the server',
    ]);
  }, 30_000);

  it('names a server that does not start', async () => {
    const problems = await problemsWith((file) => {
      file.server.args = ['no-such-server.js'];
    });
    expect(problems).toEqual([
      expect.stringMatching(/^server: cannot list the tools of node as mara/),
    ]);
  }, 30_000);

  it('names an HTTP server that does not answer', async () => {
    // A loopback port just freed: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((done) => probe.close(() => done()));
    const file = structuredClone(loadTarget(memory, { env: {} }).file);
    const url = `http://127.0.0.1:${port}/mcp`;
    const dir = mkdtempSync(join(tmpdir(), 'mana-verify-'));
    const path = join(dir, 'target.json');
    writeFileSync(path, JSON.stringify({ ...file, server: { url } }));
    const target = loadTarget(path, { env: {} });
    try {
      const refused = await verifyTarget(target, noIdentity, undefined).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TargetError);
      expect((refused as TargetError).problems).toEqual([
        `server: cannot list the tools of ${url} as mara.memory@personas.mana.test: connect ECONNREFUSED ${new URL(url).host}`,
      ]);
    } finally {
      target.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
