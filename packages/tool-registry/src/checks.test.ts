import { existsSync } from 'node:fs';
import type { ToolChecks } from '@mana/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAppRegistry } from './index';
import { isExposed, ToolRegistry } from './registry';
import { checkDeclarationProblems } from './testing/check-declarations';
import { type AnyToolSpec, defineTool } from './tool-spec';

const item = z.object({ id: z.string(), title: z.string(), note: z.string().nullable() });
const list = defineTool({
  name: 'demo.list',
  module: 'demo',
  description: 'List demo items.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    query: z.string().min(1).max(20).optional(),
    limit: z.number().int().max(50).default(10),
  }),
  output: z.object({ items: z.array(item) }),
  handler: async () => ({ items: [] }),
});
const get = defineTool({
  ...list,
  name: 'demo.get',
  description: 'Get a demo item.',
  input: z.object({ id: z.string() }),
  output: z.object({ item }),
  handler: async ({ id }) => ({ item: { id, title: '', note: null } }),
});
const create = (checks?: ToolChecks): AnyToolSpec =>
  defineTool({
    name: 'demo.create',
    module: 'demo',
    description: 'Create a demo item.',
    scope: 'user-space',
    policyHint: 'write',
    input: z.object({ title: z.string(), note: z.string().optional() }),
    output: z.object({ item }),
    ...(checks ? { checks } : {}),
    handler: async ({ title }) => ({ item: { id: '1', title, note: null } }),
  });
const problems = (checks?: ToolChecks, more: AnyToolSpec[] = []) =>
  checkDeclarationProblems(new ToolRegistry([list, get, create(checks), ...more]));
const good = {
  read: 'demo.list',
  input: { query: '$input.title', limit: 50 },
  find: { list: 'items', where: { id: '$output.item.id' } },
  expect: { title: '$input.title', note: '$output.item.note' },
};

describe('declared checks', () => {
  it('every exposed write of the app declares checks that hold against the schemas', () => {
    expect(checkDeclarationProblems(createAppRegistry())).toEqual([]);
  });

  it('every module with checked writes has an acceptance test of them', () => {
    const modules = createAppRegistry()
      .exposed()
      .filter((t) => t.policyHint === 'write' && t.checks && 'checks' in t.checks)
      .map((t) => t.module);
    for (const module of new Set(modules)) {
      const file = new URL(`./modules/${module}/checks.test.ts`, import.meta.url);
      expect(existsSync(file), `modules/${module}/checks.test.ts`).toBe(true);
    }
  });

  it('accepts a sound declaration, and none with a reason', () => {
    expect(problems({ checks: [good] })).toEqual([]);
    expect(problems({ none: 'It only sends a mail; nothing in the app shows it' })).toEqual([]);
    expect(
      problems({
        checks: [{ read: 'demo.get', input: { id: '$output.item.id' }, find: { item: 'item' } }],
      }),
    ).toEqual([]);
  });

  it('names a write without checks, a read with checks and a malformed declaration', () => {
    expect(problems()).toEqual([
      'demo.create: declares no checks (add checks, or none with a reason)',
    ]);
    expect(isExposed(create())).toBe(true);
    const chattyRead = { ...list, name: 'demo.peek', checks: { none: 'why' } };
    expect(problems({ none: 'x' }, [chattyRead])).toEqual([
      'demo.peek: a read tool declares checks',
    ]);
    expect(problems({ checks: [] })[0]).toMatch(/^demo\.create: checks are not a ToolChecks/);
  });

  it('names a read tool that is missing, hidden or not a read', () => {
    const hidden = { ...list, name: 'demo.secret', scope: 'admin' as const };
    const writer = { ...create(), name: 'demo.touch', checks: { none: 'x' } };
    expect(
      problems(
        {
          checks: [
            { ...good, read: 'demo.nope' },
            { ...good, read: 'demo.secret' },
            { ...good, read: 'demo.touch', input: {}, find: { item: 'item' }, expect: undefined },
          ],
        },
        [hidden, writer],
      ),
    ).toEqual([
      'demo.create check 1 (demo.nope): no such tool',
      'demo.create check 2 (demo.secret): the read tool is not exposed',
      'demo.create check 3 (demo.touch): the read tool is a write',
      'demo.create check 3 (demo.touch): input.title is required by demo.touch but not given',
    ]);
  });

  it('names references the write does not have and fields the read does not show', () => {
    expect(
      problems({
        checks: [
          {
            ...good,
            input: { query: '$input.name' },
            find: { list: 'items', where: { id: '$output.todo.id' } },
            expect: { titel: '$input.title', 'note.text': '$output.item.note' },
          },
        ],
      }),
    ).toEqual([
      'demo.create check 1 (demo.list): $input.name in input is not in demo.create',
      'demo.create check 1 (demo.list): $output.todo.id in find is not in demo.create',
      'demo.create check 1 (demo.list): titel is not a field of what demo.list shows',
      'demo.create check 1 (demo.list): note.text is not a field of what demo.list shows',
    ]);
  });

  it('names arguments the read does not take and references that may not fit them', () => {
    expect(
      problems({
        checks: [
          { ...good, input: { query: '$output.item.note', limit: 500, status: 'all' } },
          {
            ...good,
            read: 'demo.get',
            input: { id: '$input.note' },
            find: { list: 'item', where: { id: '$output.item.id' } },
          },
        ],
      }),
    ).toEqual([
      'demo.create check 1 (demo.list): input.query $output.item.note may be null but demo.list takes no null',
      'demo.create check 1 (demo.list): input.limit 500 is not valid for demo.list',
      'demo.create check 1 (demo.list): input.status is not an argument of demo.list',
      'demo.create check 2 (demo.get): input.id $input.note may be missing but demo.get requires it',
      'demo.create check 2 (demo.get): find.list item is not a list in demo.get',
    ]);
  });

  it('names comparisons that can never match or that match anything', () => {
    expect(
      problems({
        checks: [
          { ...good, expect: { note: '$input.note' } },
          { ...good, find: { list: 'items', where: { title: 'Milk' } } },
          { ...good, absent: true },
        ],
      }),
    ).toEqual([
      'demo.create check 1 (demo.list): $input.note is compared but may be left out of the call',
      'demo.create check 2 (demo.list): find.where names no reference to the call, so it matches any item',
      'demo.create check 3 (demo.list): an absent check expects fields',
    ]);
  });
});
