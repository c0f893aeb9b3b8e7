import type { LlmSettings } from '../brain-choice';
import { createClaudeAgentSdkBrain } from './claude-agent-sdk/index';
import { createLlmBrain } from './llm/index';
import { createScriptedBrain } from './scripted/index';
import type { Brain } from './types';

/** What picks and builds a brain. */
export interface BrainSettings {
  brain: 'scripted' | 'claude-agent-sdk' | 'llm';
  /** The llm brain's settings (required when `brain` is `llm`). */
  llm?: LlmSettings | undefined;
  anthropicApiKey?: string | undefined;
  anthropicBaseUrl?: string | undefined;
  model?: string | undefined;
  scriptedSeed: number;
  /** PATH and HOME for the Agent SDK's CLI. */
  processEnv: Record<string, string | undefined>;
}

/**
 * Builds the configured brain, or undefined when it cannot run (the Agent SDK without
 * an API key, the llm brain without its settings): the runner then stays off and says why.
 */
export function createBrain(settings: BrainSettings): Brain | undefined {
  if (settings.brain === 'scripted') return createScriptedBrain({ seed: settings.scriptedSeed });
  if (settings.brain === 'llm') {
    if (!settings.llm) return undefined;
    return createLlmBrain({
      model: settings.llm.spec,
      apiKey: settings.llm.apiKey,
      baseUrl: settings.llm.baseUrl,
      retry: settings.llm.retry,
      price: settings.llm.price,
    });
  }
  if (!settings.anthropicApiKey) return undefined;
  return createClaudeAgentSdkBrain({
    apiKey: settings.anthropicApiKey,
    ...(settings.anthropicBaseUrl ? { baseUrl: settings.anthropicBaseUrl } : {}),
    ...(settings.model ? { model: settings.model } : {}),
    env: settings.processEnv,
  });
}
