import { describe, expect, it } from 'vitest';
import { costUsd, parsePrice, priceOf } from './prices';

describe('prices', () => {
  it('prices cache reads and writes at their own rates, the rest at the input rate', () => {
    const price = priceOf('anthropic:claude-sonnet-4-5');
    const cost = costUsd(
      { input: 1_000_000, cacheRead: 400_000, cacheWrite: 100_000, output: 10_000 },
      price,
    );
    // 500k plain × $3 + 400k × $0.30 + 100k × $3.75 + 10k × $15, per million
    expect(cost).toBeCloseTo(1.5 + 0.12 + 0.375 + 0.15, 10);
  });

  it('an override wins; an unlisted model (a local server) is free', () => {
    expect(priceOf('openai:gpt-4.1-mini', { input: 1, output: 2 })).toEqual({
      input: 1,
      output: 2,
    });
    expect(
      costUsd(
        { input: 5_000, cacheRead: 0, cacheWrite: 0, output: 500 },
        priceOf('openai-compatible:qwen3-8b'),
      ),
    ).toBe(0);
  });

  it('reads input,output[,cacheRead[,cacheWrite]] and refuses anything else', () => {
    expect(parsePrice('3,15,0.3,3.75')).toEqual({
      input: 3,
      output: 15,
      cacheRead: 0.3,
      cacheWrite: 3.75,
    });
    expect(parsePrice('0.1, 0.4')).toEqual({ input: 0.1, output: 0.4 });
    for (const bad of ['3', '3,x', '1,2,3,4,5', '-1,2'])
      expect(parsePrice(bad)).toHaveProperty('problem');
  });
});
