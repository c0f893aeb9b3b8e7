export { type AuthApp, type AuthAppDeps, createApp, MAX_BODY_BYTES } from './app';
export { type AuthEnv, parseAuthEnv } from './env';
export { AUTH_ERROR_CODES } from './errors';
export { type Auth, type AuthOptions, createAuth } from './identity/auth';
export { findDuePersonas } from './personas/db/due';
export { type RunningAuthService, type StartAuthServiceOptions, startAuthService } from './server';
