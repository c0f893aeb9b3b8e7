import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fit, type GenerateOptions, generateInput } from './input-generator';
import type { JsonSchema } from './json-schema';
import { createRng } from './prng';
import { createVoice } from './voice';

/** The JSON Schema the gateway publishes for a zod input (same options as its catalog). */
function published(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest as JsonSchema;
}

const NOW = new Date('2026-11-25T09:00:00Z');
const KNOWN_ID = '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b';

function options(seed: string, extra: Partial<GenerateOptions> = {}): GenerateOptions {
  return {
    rng: createRng(seed),
    now: NOW,
    module: 'todo',
    toolName: 'todo.create',
    voice: createVoice({ locale: 'de', archetype: 'adhd-student' }),
    idFor: () => KNOWN_ID,
    ...extra,
  };
}

const everything = z.object({
  title: z.string().trim().min(1).max(12),
  body: z.string().max(20_000).optional(),
  code: z.string().min(4).max(6).optional(),
  contactId: z.uuid(),
  parentId: z.uuid().optional(),
  on: z.iso.date(),
  dueOn: z.iso.date().nullable().optional(),
  startsAt: z.iso.datetime({ offset: true }),
  email: z.email().optional(),
  url: z.url().max(2000).optional(),
  priority: z.enum(['low', 'normal', 'high']).default('normal'),
  status: z.enum(['open', 'done', 'all']).optional(),
  score: z.number().int().min(1).max(5),
  quantity: z.number().positive().max(1_000_000),
  limit: z.number().int().min(1).max(100).default(20),
  pinned: z.boolean().default(false),
  tags: z.array(z.string().trim().min(1).max(40)).max(2).default([]),
  lines: z
    .array(
      z.object({
        description: z.string().min(1).max(500),
        quantity: z.number().positive().max(1_000_000),
        unitPriceCents: z.number().int().min(0).max(1_000_000_000),
      }),
    )
    .min(1)
    .max(100),
  note: z.string().max(2000).nullable().optional(),
  nested: z.object({ label: z.string().min(1).max(40), count: z.number().int() }).optional(),
});

describe('generateInput', () => {
  it('produces inputs that the tool schema accepts, over many seeds', () => {
    const schema = published(everything);
    for (let i = 0; i < 300; i++) {
      const input = generateInput(schema, options(`valid-${i}`));
      const parsed = everything.safeParse(input);
      expect(parsed.error?.issues ?? [], JSON.stringify(input)).toEqual([]);
    }
  });

  it('fills required fields always and optional ones sometimes, not always', () => {
    const schema = published(everything);
    const inputs = Array.from({ length: 200 }, (_, i) =>
      generateInput(schema, options(`optional-${i}`)),
    );
    for (const input of inputs) {
      for (const field of ['title', 'contactId', 'on', 'startsAt', 'score', 'lines']) {
        expect(input).toHaveProperty(field);
      }
    }
    for (const field of ['body', 'email', 'url', 'priority', 'tags', 'note', 'nested']) {
      const share = inputs.filter((i) => i[field] !== undefined).length / inputs.length;
      expect(share, field).toBeGreaterThan(0.1);
      expect(share, field).toBeLessThan(0.9);
    }
  });

  it('uses ids it was given, and leaves out an optional id it does not know', () => {
    const schema = published(everything);
    const input = generateInput(schema, options('ids'));
    expect(input.contactId).toBe(KNOWN_ID);
    for (let i = 0; i < 50; i++) {
      const without = generateInput(
        schema,
        options(`no-ids-${i}`, { idFor: (f) => (f === 'contactId' ? KNOWN_ID : undefined) }),
      );
      expect(without).not.toHaveProperty('parentId');
    }
  });

  it('keeps numbers plausible and dates relative to now', () => {
    const schema = published(everything);
    for (let i = 0; i < 100; i++) {
      const input = generateInput(schema, options(`plausible-${i}`)) as {
        on: string;
        startsAt: string;
        dueOn?: string | null;
        lines: { quantity: number; unitPriceCents: number }[];
      };
      for (const line of input.lines) {
        expect(line.quantity).toBeGreaterThanOrEqual(1);
        expect(line.quantity).toBeLessThanOrEqual(12);
        expect(line.unitPriceCents).toBeLessThanOrEqual(150_000);
      }
      expect(input.on).toBe('2026-11-25');
      expect(Date.parse(input.startsAt)).toBeGreaterThan(NOW.getTime());
      if (typeof input.dueOn === 'string') expect(input.dueOn > '2026-11-25').toBe(true);
    }
  });

  it('surveys with `all` where an enum offers it, the largest page, and no filters', () => {
    const list = z.object({
      status: z.enum(['open', 'done', 'all']).default('open'),
      query: z.string().min(1).optional(),
      limit: z.number().int().min(1).max(100).default(20),
    });
    const input = generateInput(published(list), options('survey', { survey: true }));
    expect(input).toEqual({ status: 'all', limit: 100 });
  });

  it('changes at least one field in an update and never sends exclusive fields together', () => {
    const update = z.object({
      id: z.uuid(),
      body: z.string().max(100).optional(),
      appendText: z.string().min(1).max(100).optional(),
      endsAt: z.iso.datetime({ offset: true }).optional(),
      durationMinutes: z.number().int().min(0).max(44_640).optional(),
    });
    for (let i = 0; i < 100; i++) {
      const input = generateInput(
        published(update),
        options(`update-${i}`, { mustChange: true, optionalChance: 0.9 }),
      );
      expect(Object.keys(input).length, JSON.stringify(input)).toBeGreaterThan(1);
      expect(input.body !== undefined && input.appendText !== undefined).toBe(false);
      // A lone end in an update could fall before the stored start.
      expect(input).not.toHaveProperty('endsAt');
    }
  });

  it('orders pairs: an event ends after it starts, a window ends after it begins', () => {
    const schema = published(
      z.object({
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
        from: z.iso.date(),
        to: z.iso.date(),
      }),
    );
    for (let i = 0; i < 100; i++) {
      const input = generateInput(schema, options(`pairs-${i}`)) as Record<string, string>;
      expect(Date.parse(input.endsAt ?? '')).toBeGreaterThan(Date.parse(input.startsAt ?? ''));
      expect((input.to ?? '') >= (input.from ?? '')).toBe(true);
    }
  });

  it('avoids names already taken in the module', () => {
    const schema = published(z.object({ name: z.string().min(1).max(100) }));
    const voice = createVoice({ locale: 'de', archetype: 'creative-parent' });
    const all = new Set(voice.list('habits', 'name').map((n) => n.toLowerCase()));
    const input = generateInput(
      schema,
      options('taken', { module: 'habits', toolName: 'habits.create', voice, taken: () => all }),
    );
    expect(all.has(String(input.name).toLowerCase())).toBe(false);
  });

  it('writes in the persona language', () => {
    const schema = published(z.object({ title: z.string().min(1).max(200) }));
    const de = generateInput(schema, options('lang', { module: 'todo' }));
    const en = generateInput(
      schema,
      options('lang', {
        module: 'todo',
        voice: createVoice({ locale: 'en', archetype: 'ceo-busy' }),
      }),
    );
    const deTitles = createVoice({ locale: 'de', archetype: 'adhd-student' }).list('todo', 'title');
    expect(deTitles.some((t) => String(de.title).includes(t.slice(0, 8)))).toBe(true);
    expect(deTitles.some((t) => String(en.title).includes(t.slice(0, 8)))).toBe(false);
  });
});

describe('fit', () => {
  it('cuts to maxLength without splitting an emoji and pads to minLength', () => {
    expect(fit('abc 😅', { maxLength: 5 })).toBe('abc');
    expect(fit('a', { minLength: 4 }).length).toBeGreaterThanOrEqual(4);
    expect(fit('  hi  ', {})).toBe('hi');
  });
});
