export { type AuthApp, type AuthAppDeps, createApp, MAX_BODY_BYTES } from './app';
export { type AuthEnv, type LoginLimitEnv, parseAuthEnv, parseLoginLimitEnv } from './env';
export { AUTH_ERROR_CODES } from './errors';
export { type Auth, type AuthOptions, createAuth } from './identity/auth';
export { DEFAULT_LOGIN_LIMITS, type LoginLimitSettings } from './identity/login-limiter';
export { findDuePersonas } from './personas/db/due';
export { type RunningAuthService, type StartAuthServiceOptions, startAuthService } from './server';
