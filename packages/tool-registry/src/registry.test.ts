import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DuplicateToolError, InvalidToolSpecError, ToolError } from './errors';
import { createAppRegistry } from './index';
import { invokeTool } from './invoke';
import { ToolRegistry } from './registry';
import { defineTool, type ToolContext } from './tool-spec';

const echo = (
  name = 'demo.echo',
  policyHint: 'read' | 'write' | 'destructive' = 'read',
  scope: 'user-space' | 'admin' = 'user-space',
) =>
  defineTool({
    name,
    module: name.split('.')[0] as string,
    description: 'Echo',
    scope,
    policyHint,
    input: z.object({ text: z.string() }),
    output: z.object({ text: z.string() }),
    handler: async ({ text }) => ({ text }),
  });

const ctx = { now: () => new Date() } as ToolContext;

describe('ToolRegistry', () => {
  it('rejects duplicate names', () => {
    const registry = new ToolRegistry([echo()]);
    expect(() => registry.register(echo())).toThrow(DuplicateToolError);
    expect(() => new ToolRegistry([echo('demo.a'), echo('demo.a')])).toThrow(/already registered/);
  });

  it('exposes only user-space read and write tools', () => {
    const registry = new ToolRegistry([
      echo('demo.read', 'read'),
      echo('demo.write', 'write'),
      echo('demo.delete', 'destructive'),
      echo('demo.admin', 'read', 'admin'),
    ]);
    expect(registry.exposed().map((t) => t.name)).toEqual(['demo.read', 'demo.write']);
    expect(registry.list()).toHaveLength(4);
  });

  it('refuses names that are not module.verb of their module', () => {
    expect(() => echo('Echo')).toThrow(InvalidToolSpecError);
    expect(() => defineTool({ ...echo('demo.x'), name: 'other.x' })).toThrow(
      /must belong to module "other"/,
    );
  });

  it('the app registry holds every module with unique names and object schemas', () => {
    const registry = createAppRegistry();
    const names = registry.list().map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of registry.list()) {
      expect(z.toJSONSchema(tool.input, { io: 'input' }).type, tool.name).toBe('object');
      expect(z.toJSONSchema(tool.output).type, tool.name).toBe('object');
      expect(tool.description.length, tool.name).toBeGreaterThan(10);
    }
  });
});

describe('invokeTool', () => {
  it('validates input, maps tool errors, hides crashes and checks output', async () => {
    expect(await invokeTool(echo(), { text: 'hi' }, ctx)).toEqual({
      ok: true,
      output: { text: 'hi' },
    });
    expect(await invokeTool(echo(), { text: 3 }, ctx)).toMatchObject({
      ok: false,
      kind: 'invalid_input',
      fields: [{ path: 'text' }],
    });
    const failing = {
      ...echo(),
      handler: async () => Promise.reject(new ToolError('NOT_FOUND', 'No echo here')),
    };
    expect(await invokeTool(failing, { text: 'x' }, ctx)).toEqual({
      ok: false,
      kind: 'tool_error',
      code: 'NOT_FOUND',
      message: 'No echo here',
    });
    const crashing = { ...echo(), handler: async () => Promise.reject(new Error('db exploded')) };
    const crash = await invokeTool(crashing, { text: 'x' }, ctx);
    expect(crash).toMatchObject({
      ok: false,
      kind: 'internal',
      message: 'demo.echo failed unexpectedly',
    });
    const lying = { ...echo(), handler: async () => ({ text: 42 }) as unknown as { text: string } };
    expect(await invokeTool(lying, { text: 'x' }, ctx)).toMatchObject({
      ok: false,
      kind: 'internal',
      message: /does not match its schema/,
    });
  });
});
