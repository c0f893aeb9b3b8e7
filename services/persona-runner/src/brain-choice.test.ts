import { EnvError } from '@mana/http';
import { describe, expect, it } from 'vitest';
import { parseRunnerEnv } from './env';

const base = { PATH: '/bin' };

describe('brain choice', () => {
  it('auto: llm when PERSONA_MODEL names a provider, then the Agent SDK by key, then scripted', () => {
    const llm = parseRunnerEnv({
      ...base,
      ANTHROPIC_API_KEY: 'sk-ant',
      PERSONA_MODEL: 'openai-compatible:qwen3-8b',
      PERSONA_MODEL_BASE_URL: 'http://127.0.0.1:11434/v1/',
    });
    expect(llm.brain).toBe('llm');
    expect(llm.brainReason).toMatch(/PERSONA_MODEL names a provider \(openai-compatible\)/);
    expect(llm.llm).toEqual({
      spec: { provider: 'openai-compatible', modelId: 'qwen3-8b' },
      apiKey: undefined,
      baseUrl: 'http://127.0.0.1:11434/v1',
      retry: { maxRetries: 2, maxRetryAfterMs: 5_000 },
      price: undefined,
    });
    const sdk = parseRunnerEnv({
      ...base,
      ANTHROPIC_API_KEY: 'sk-ant',
      PERSONA_MODEL: 'claude-sonnet-4-5',
    });
    expect([sdk.brain, sdk.llm]).toEqual(['claude-agent-sdk', undefined]);
    expect(parseRunnerEnv(base).brain).toBe('scripted');
  });

  it('anthropic takes ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL (with /v1); openai its key', () => {
    const anthropic = parseRunnerEnv({
      ...base,
      PERSONA_BRAIN: 'llm',
      PERSONA_MODEL: 'anthropic:claude-sonnet-4-5',
      ANTHROPIC_API_KEY: 'sk-ant',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
    });
    expect(anthropic.llm).toMatchObject({ apiKey: 'sk-ant', baseUrl: 'http://127.0.0.1:9999/v1' });
    const openai = parseRunnerEnv({
      ...base,
      PERSONA_MODEL: 'openai:gpt-4.1-mini',
      OPENAI_API_KEY: 'sk-oa',
      PERSONA_MODEL_MAX_RETRIES: '0',
      PERSONA_MODEL_PRICE: '0.4, 1.6, 0.1',
    });
    expect(openai.llm).toMatchObject({
      apiKey: 'sk-oa',
      baseUrl: undefined,
      retry: { maxRetries: 0 },
    });
  });

  it.each([
    [{ PERSONA_BRAIN: 'llm' }, 'PERSONA_MODEL', /required by the llm brain/],
    [{ PERSONA_BRAIN: 'llm', PERSONA_MODEL: 'gpt-4.1' }, 'PERSONA_MODEL', /provider:model/],
    [{ PERSONA_MODEL: 'mistral:large' }, 'PERSONA_MODEL', /unknown provider "mistral"/],
    [{ PERSONA_MODEL: 'openai:gpt-4.1-mini' }, 'OPENAI_API_KEY', /required by PERSONA_MODEL/],
    [{ PERSONA_MODEL: 'anthropic:claude-sonnet-4-5' }, 'ANTHROPIC_API_KEY', /required/],
    [{ PERSONA_MODEL: 'openai-compatible:qwen3-8b' }, 'PERSONA_MODEL_BASE_URL', /server's URL/],
    [
      { PERSONA_MODEL: 'openai:gpt-4.1', OPENAI_API_KEY: 'k', PERSONA_MODEL_PRICE: 'cheap' },
      'PERSONA_MODEL_PRICE',
      /input,output/,
    ],
  ])('refuses %o at start, naming %s', (env, field, message) => {
    let error: unknown;
    try {
      parseRunnerEnv({ ...base, ...env });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).fields).toEqual([
      { path: field, message: expect.stringMatching(message) },
    ]);
  });
});
