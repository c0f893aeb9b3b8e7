export { type AuthApp, type AuthAppDeps, createApp, MAX_BODY_BYTES } from './app';
export { type Auth, type AuthOptions, createAuth, TOKEN_AUDIENCE } from './auth';
export { type DuePersona, FAILURE_BACKOFF_MINUTES, findDuePersonas } from './db/due';
export { actionId, feedbackId } from './db/persona-writes';
export { type AuthEnv, parseAuthEnv } from './env';
export { AUTH_ERROR_CODES } from './errors';
export { MAX_ACTIONS_PER_BATCH, MAX_FEEDBACK_PER_BATCH } from './routes/internal-personas';
export { type RunningAuthService, type StartAuthServiceOptions, startAuthService } from './server';
