export { createApp, type McpApp, type McpAppDeps } from './app';
export type { Caller } from './context';
export { type McpEnv, parseMcpEnv } from './env';
export { SERVER_INFO } from './mcp-handler';
export { createGatewayMetrics, type GatewayMetrics } from './metrics';
export { type RunningMcpGateway, type StartMcpGatewayOptions, startMcpGateway } from './server';
