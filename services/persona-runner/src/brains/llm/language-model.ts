import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { ModelSpec } from './model-spec';

/** Where and how to reach the model. */
export interface ModelConnection {
  apiKey?: string | undefined;
  /** The API's base URL, including its version path (`…/v1`). */
  baseUrl?: string | undefined;
  /** The fetch every request goes through (the bounded retries). */
  fetch: typeof fetch;
}

/**
 * The AI SDK model for a spec: Anthropic's Messages API, OpenAI's chat completions, or
 * any OpenAI-compatible chat-completions server (Ollama, vLLM, llama.cpp, LM Studio) at
 * `baseUrl`. OpenAI goes through chat completions rather than the Responses API so the
 * same wire serves both OpenAI paths and one fake tests them.
 */
export function languageModel(spec: ModelSpec, connection: ModelConnection): LanguageModel {
  const common = {
    ...(connection.apiKey ? { apiKey: connection.apiKey } : {}),
    ...(connection.baseUrl ? { baseURL: connection.baseUrl } : {}),
    fetch: connection.fetch,
  };
  switch (spec.provider) {
    case 'anthropic':
      return createAnthropic(common)(spec.modelId);
    case 'openai':
      return createOpenAI(common).chat(spec.modelId);
    case 'openai-compatible':
      if (!connection.baseUrl) throw new TypeError('openai-compatible needs a base URL');
      return createOpenAICompatible({
        ...common,
        baseURL: connection.baseUrl,
        name: 'openai-compatible',
        includeUsage: true,
      })(spec.modelId);
  }
}
