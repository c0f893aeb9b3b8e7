export { type AuthApp, type AuthAppDeps, createApp, MAX_BODY_BYTES } from './app';
export { type Auth, type AuthOptions, createAuth } from './auth';
export { findDuePersonas } from './db/due';
export { type AuthEnv, parseAuthEnv } from './env';
export { AUTH_ERROR_CODES } from './errors';
export { type RunningAuthService, type StartAuthServiceOptions, startAuthService } from './server';
