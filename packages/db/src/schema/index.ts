export { appSchema } from './app';
export {
  accounts,
  authSchema,
  invitations,
  jwks,
  members,
  organizations,
  sessions,
  userKind,
  users,
  verifications,
} from './auth';
export { consistencyRows, consistencyRuns } from './consistency';
export { incidentStatusEvents, releaseMarkers } from './console';
export {
  oauthAccessTokens,
  oauthClientAssertions,
  oauthClientResources,
  oauthClients,
  oauthConsents,
  oauthRefreshTokens,
  oauthResources,
} from './oauth';
export {
  personaActions,
  personaDeadLetters,
  personaFeedback,
  personas,
  personaTicks,
} from './personas';
export { rateLimits } from './rate-limits';
export { personaTranscripts } from './transcripts';
