export {
  contentText,
  lastUserText,
  messagesOf,
  systemText,
  type ToolResult,
  toolDefinition,
  toolNames,
  toolResults,
} from './conversation';
export { demoHandler } from './demo-handler';
export {
  defaultHandler,
  type FakeHandler,
  type FakeOpenAI,
  type FakeOpenAIOptions,
  type FakeRequest,
  type RecordedRequest,
  startFakeOpenAI,
} from './fake-openai';
export {
  DEFAULT_USAGE,
  type FakeCompletionReply,
  type FakeErrorReply,
  type FakeHangReply,
  type FakeReply,
  type FakeTextReply,
  type FakeToolCall,
  type FakeToolCallReply,
  type FakeUsage,
} from './reply';
export { type FakeTurn, scriptedTurns } from './scripted-turns';
