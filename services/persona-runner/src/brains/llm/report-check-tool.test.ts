import { silentLogger } from '@mana/http';
import { asSchema } from 'ai';
import { describe, expect, it } from 'vitest';
import { reportCheckTool } from './report-check-tool';

describe('reportCheckTool', () => {
  const make = () => reportCheckTool(new Map(), () => {}, silentLogger());

  // Issue 12 item 2: the zod schema was converted to JSON Schema again on every model
  // request of every day (the AI SDK wraps a bare zod schema anew each time).
  it('converts its input schema to JSON Schema once for every day and request', () => {
    const first = asSchema(make().inputSchema).jsonSchema;
    expect(asSchema(make().inputSchema).jsonSchema).toBe(first);
    expect(first).toMatchObject({
      type: 'object',
      required: ['call', 'verdict'],
      additionalProperties: false,
    });
  });

  it('still validates what the model wrote', async () => {
    const schema = asSchema(make().inputSchema);
    const good = await schema.validate?.({ call: 'toolu_1', verdict: 'passed' });
    expect(good).toEqual({ success: true, value: { call: 'toolu_1', verdict: 'passed' } });
    const bad = await schema.validate?.({ call: 'toolu_1', verdict: 'maybe' });
    expect(bad?.success).toBe(false);
  });
});
