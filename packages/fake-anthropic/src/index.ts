export {
  allToolResults,
  lastUserText,
  messagesOf,
  systemText,
  type ToolResult,
  type ToolUseInHistory,
  toolDefinition,
  toolNames,
  toolResults,
  toolUsesInHistory,
} from './conversation';
export {
  defaultHandler,
  type FakeAnthropic,
  type FakeAnthropicOptions,
  type FakeHandler,
  type FakeRequest,
  type RecordedRequest,
  startFakeAnthropic,
} from './fake-anthropic';
export { type CacheUsage, estimateTokens, FakePromptCache } from './prompt-cache';
export {
  DEFAULT_USAGE,
  type FakeErrorReply,
  type FakeHangReply,
  type FakeMessage,
  type FakeMessageReply,
  type FakeReply,
  type FakeTextReply,
  type FakeToolUse,
  type FakeToolUseReply,
  type FakeUsage,
} from './reply';
export {
  type FakeTurn,
  type ScriptedTurnsOptions,
  scriptedTurns,
  sideReply,
} from './scripted-turns';
export { type SideRequestKind, sideRequestKind } from './side-requests';
