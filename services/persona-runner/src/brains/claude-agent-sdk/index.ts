export {
  type ClaudeAgentSdkBrainOptions,
  DEFAULT_MAX_API_RETRIES,
  DEFAULT_MAX_TURNS,
  DEFAULT_MODEL,
} from './brain-options';
export { createClaudeAgentSdkBrain } from './claude-agent-sdk-brain';
export {
  CLAUDE_AGENT_SDK_ERRORS,
  ClaudeAgentSdkBrainError,
  type ClaudeAgentSdkErrorCode,
} from './errors';
