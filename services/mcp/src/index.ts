export { createApp, type McpApp, type McpAppDeps } from './app';
export { type McpEnv, parseMcpEnv } from './env';
export { SERVER_INFO } from './mcp-handler';
export { createGatewayMetrics, type GatewayMetrics } from './metrics';
export { type RunningMcpGateway, type StartMcpGatewayOptions, startMcpGateway } from './server';
export {
  type Caller,
  createTokenVerifier,
  type TokenVerifier,
} from './token-verifier';
