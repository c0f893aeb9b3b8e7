/** What a model costs, in US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** Input read from the prompt cache; `input` when left out. */
  cacheRead?: number;
  /** Input written to the prompt cache; `input` when left out. */
  cacheWrite?: number;
}

/**
 * List prices (USD per million tokens) of common models, as published by the providers
 * in 2026; `PERSONA_MODEL_PRICE` overrides the entry of the model in use. A model not
 * listed (every `openai-compatible` one: a local server costs nothing per token) is
 * priced at 0 unless overridden.
 */
export const PRICE_TABLE: Readonly<Record<string, ModelPrice>> = {
  'anthropic:claude-opus-4-1': { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 },
  'anthropic:claude-sonnet-4-5': { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  'anthropic:claude-haiku-4-5': { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
  'openai:gpt-4.1': { input: 2, output: 8, cacheRead: 0.5 },
  'openai:gpt-4.1-mini': { input: 0.4, output: 1.6, cacheRead: 0.1 },
  'openai:gpt-4.1-nano': { input: 0.1, output: 0.4, cacheRead: 0.025 },
  'openai:gpt-4o': { input: 2.5, output: 10, cacheRead: 1.25 },
  'openai:gpt-4o-mini': { input: 0.15, output: 0.6, cacheRead: 0.075 },
};

const FREE: ModelPrice = { input: 0, output: 0 };

/** The price of `provider:model`: the override, else the table, else free. */
export function priceOf(model: string, override?: ModelPrice): ModelPrice {
  return override ?? PRICE_TABLE[model] ?? FREE;
}

/**
 * Reads `PERSONA_MODEL_PRICE`: `input,output[,cacheRead[,cacheWrite]]` in USD per million
 * tokens, e.g. `3,15,0.3,3.75`. Answers the problem in words when it is not that.
 */
export function parsePrice(value: string): ModelPrice | { problem: string } {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length < 2 || parts.length > 4 || parts.some((n) => !Number.isFinite(n) || n < 0)) {
    return {
      problem:
        'must be input,output[,cacheRead[,cacheWrite]] in USD per million tokens, e.g. 3,15,0.3,3.75',
    };
  }
  const [input = 0, output = 0, cacheRead, cacheWrite] = parts;
  return {
    input,
    output,
    ...(cacheRead !== undefined ? { cacheRead } : {}),
    ...(cacheWrite !== undefined ? { cacheWrite } : {}),
  };
}

/** Tokens of one model call or a day, split as the price needs them. */
export interface TokenCounts {
  /** Every input token, cache reads and writes included. */
  input: number;
  cacheRead: number;
  cacheWrite: number;
  output: number;
}

/** What `tokens` cost at `price`, in US dollars. */
export function costUsd(tokens: TokenCounts, price: ModelPrice): number {
  const plain = Math.max(0, tokens.input - tokens.cacheRead - tokens.cacheWrite);
  return (
    (plain * price.input +
      tokens.cacheRead * (price.cacheRead ?? price.input) +
      tokens.cacheWrite * (price.cacheWrite ?? price.input) +
      tokens.output * price.output) /
    1_000_000
  );
}
