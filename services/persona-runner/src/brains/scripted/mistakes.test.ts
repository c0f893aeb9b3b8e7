import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateInput } from './input-generator';
import type { JsonSchema } from './json-schema';
import { madeUpUuid, makeMistake } from './mistakes';
import { createRng } from './prng';
import { createVoice } from './voice';

const KNOWN_ID = '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b';

const tool = z.object({
  id: z.uuid(),
  title: z.string().trim().min(1).max(200),
  priority: z.enum(['low', 'normal', 'high']).optional(),
  score: z.number().int().min(1).max(5).optional(),
  pinned: z.boolean().optional(),
  tags: z.array(z.string()).max(20).optional(),
});
const schema = z.toJSONSchema(tool, { io: 'input', target: 'draft-7' }) as JsonSchema;

describe('makeMistake', () => {
  it('spoils a valid input so that the schema refuses it, or points at an unknown id', () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const rng = createRng('mistakes', i);
      const valid = generateInput(schema, {
        rng,
        now: new Date('2026-11-25T09:00:00Z'),
        module: 'todo',
        toolName: 'todo.update',
        voice: createVoice({ locale: 'en', archetype: 'overwhelmed-newbie' }),
        idFor: () => KNOWN_ID,
      });
      expect(tool.safeParse(valid).success).toBe(true);
      const mistake = makeMistake(valid, schema, rng);
      if (!mistake) throw new Error('a tool with fields always offers a mistake');
      kinds.add(mistake.kind);
      if (mistake.kind === 'unknown-id') {
        expect(mistake.input.id).not.toBe(KNOWN_ID);
        expect(z.uuid().safeParse(mistake.input.id).success).toBe(true);
      } else {
        expect(tool.safeParse(mistake.input).success, JSON.stringify(mistake)).toBe(false);
      }
    }
    expect([...kinds].sort()).toEqual([
      'bad-enum',
      'empty-text',
      'omit-required',
      'out-of-range',
      'unknown-id',
      'wrong-type',
    ]);
  });

  it('has nothing to get wrong in a tool without fields', () => {
    expect(makeMistake({}, { type: 'object', properties: {} }, createRng('none'))).toBeUndefined();
  });

  it('makes up well-formed v4 uuids, the same for the same generator', () => {
    const a = madeUpUuid(createRng('uuid'));
    expect(z.uuid().safeParse(a).success).toBe(true);
    expect(madeUpUuid(createRng('uuid'))).toBe(a);
  });
});
