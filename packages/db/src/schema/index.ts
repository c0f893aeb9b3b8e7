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
export {
  personaActions,
  personaFeedback,
  personas,
  personaTicks,
} from './personas';
