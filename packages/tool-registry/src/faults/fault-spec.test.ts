import { describe, expect, it } from 'vitest';
import { appTools } from '../modules/index';
import type { AnyToolSpec } from '../tool-spec';
import { formatFaults, listFields, parseFaults } from './fault-spec';

const tool = (name: string) => appTools.find((t) => t.name === name) as AnyToolSpec;
const off = { errorRate: 0, latencyMs: 0, noop: false, partial: 0, tightenChars: null };

describe('fault specs', () => {
  it('parses module-level faults as before, and formats them the same way', () => {
    expect(parseFaults('journal:errors=0.5,latency=800; todo:latency=300')).toEqual([
      { ...off, module: 'journal', tool: null, errorRate: 0.5, latencyMs: 800 },
      { ...off, module: 'todo', tool: null, latencyMs: 300 },
    ]);
    expect(parseFaults('')).toEqual([]);
    expect(parseFaults(undefined)).toEqual([]);
    expect(formatFaults(parseFaults('journal:errors=0.25'))).toBe('journal:errors=0.25,latency=0');
  });

  it('parses tool-level kinds, with defaults for partial and tighten, and formats them back', () => {
    const spec =
      'todo.create:noop;notes.list:partial=0.3;todo.list:latency=800;habits.create:tighten=20;journal.create_entry:errors=0.08;notes.search:partial;todo.update:tighten';
    const faults = parseFaults(spec);
    expect(faults).toEqual([
      { ...off, module: 'todo', tool: 'todo.create', noop: true },
      { ...off, module: 'notes', tool: 'notes.list', partial: 0.3 },
      { ...off, module: 'todo', tool: 'todo.list', latencyMs: 800 },
      { ...off, module: 'habits', tool: 'habits.create', tightenChars: 20 },
      { ...off, module: 'journal', tool: 'journal.create_entry', errorRate: 0.08 },
      { ...off, module: 'notes', tool: 'notes.search', partial: 0.5 },
      { ...off, module: 'todo', tool: 'todo.update', tightenChars: 24 },
    ]);
    expect(parseFaults(formatFaults(faults))).toEqual(faults);
  });

  it('refuses bad specs naming the valid modules, tools or kinds', () => {
    expect(() => parseFaults('journal:errors=2')).toThrow(/errorRate/);
    expect(() => parseFaults('journal:speed=1')).toThrow(
      /unknown setting "speed=1" \(use errors=<share 0\.\.1>, latency=<ms>, noop, partial/,
    );
    expect(() => parseFaults('Journal:errors=0.1')).toThrow(/module/);
    expect(() => parseFaults('jornal:errors=0.1')).toThrow(
      /unknown module "jornal" \(modules: todo, habits, journal/,
    );
    expect(() => parseFaults('todo.creat:noop')).toThrow(
      /unknown tool "todo.creat" \(tools of todo: todo\.create, todo\.list/,
    );
    expect(() => parseFaults('todo.list:noop')).toThrow(
      /noop needs a write, and todo.list has none/,
    );
    expect(() => parseFaults('todo.create:partial')).toThrow(
      /partial needs a read that answers with a list/,
    );
    expect(() => parseFaults('todo:noop=1')).toThrow(/unknown setting "noop=1"/);
    expect(() => parseFaults('todo.list:partial=1.5')).toThrow(/partial/);
    expect(() => parseFaults('todo.create:tighten=0')).toThrow(/tightenChars/);
  });

  it('finds the lists a read answers with', () => {
    expect(listFields(tool('todo.list'))).toEqual(['todos']);
    expect(listFields(tool('todo.create'))).toEqual([]);
  });
});
