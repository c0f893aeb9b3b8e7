import { createAppRegistry } from '@mana/tool-registry';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asSchema, type JsonSchema } from './json-schema';
import type { PhraseBank } from './phrase-list';
import { phrasesDe } from './phrases-de';
import { phrasesEn } from './phrases-en';
import { phrasesEnWork } from './phrases-en-work';
import { AVOIDED_VALUES, TARGET_RULES } from './preconditions';

/**
 * The scripted brain's tables are keyed by names of the app: a key that names no tool
 * (a typo, a renamed or removed tool) is silently never used, so the rule or phrase it
 * carries is lost without any test noticing. These check every key against the tools
 * the gateway lists, which are the only ones the brain ever sees.
 */
const exposed = createAppRegistry().exposed();
const toolNames = new Set(exposed.map((t) => t.name));

/** Every property name of a schema, nested ones too (an invoice line's `description`). */
function propertyNames(schema: JsonSchema): string[] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => [
    name,
    ...propertyNames(prop),
  ]);
  const nested = [schema.items, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  return [...own, ...nested.flatMap((s) => (s ? propertyNames(s) : []))];
}

/** The input field names of tools, as the brain reads them from their JSON Schemas. */
const inputFields = (tools: typeof exposed) =>
  new Set(tools.flatMap((t) => propertyNames(asSchema(z.toJSONSchema(t.input, { io: 'input' })))));

/** Keys whose name part is not among `known`, for a readable failure. */
const unknown = (keys: string[], known: (key: string) => boolean) => keys.filter((k) => !known(k));

describe('the scripted brain’s tables name only what the app has', () => {
  it('TARGET_RULES is keyed by tool names the gateway lists', () => {
    const keys = Object.keys(TARGET_RULES);
    expect(keys.length).toBeGreaterThan(0);
    expect(unknown(keys, (k) => toolNames.has(k))).toEqual([]);
  });

  it('AVOIDED_VALUES is keyed by <tool>.<input field> of a listed tool', () => {
    const keys = Object.keys(AVOIDED_VALUES);
    expect(keys.length).toBeGreaterThan(0);
    const known = (key: string) => {
      const dot = key.lastIndexOf('.');
      const tool = exposed.find((t) => t.name === key.slice(0, dot));
      return tool !== undefined && inputFields([tool]).has(key.slice(dot + 1));
    };
    expect(unknown(keys, known)).toEqual([]);
  });

  // The phrase banks hold no tool names: their keys are `[archetype:]module.field`, a
  // bare `field` or `*` (see phrase-list.ts). The module must have listed tools and the
  // field must be an input of one of them, or the voice never asks for the phrases.
  it.each([
    ['phrasesEn', phrasesEn],
    ['phrasesEnWork', phrasesEnWork],
    ['phrasesDe', phrasesDe],
  ] as [string, PhraseBank][])(
    '%s is keyed by modules and input fields of listed tools',
    (_name, bank) => {
      const allFields = inputFields(exposed);
      const known = (key: string) => {
        const name = key.slice(key.indexOf(':') + 1);
        if (name === '*') return true;
        const dot = name.indexOf('.');
        if (dot < 0) return allFields.has(name);
        const module = name.slice(0, dot);
        return inputFields(exposed.filter((t) => t.module === module)).has(name.slice(dot + 1));
      };
      expect(unknown(Object.keys(bank), known)).toEqual([]);
    },
  );
});
