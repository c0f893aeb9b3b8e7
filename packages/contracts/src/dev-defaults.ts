/**
 * Development defaults shared by every part that talks to the identity service, so
 * `npm start`, `npm run seed:personas` and a service started on its own agree without
 * configuration. Each service's env parsing refuses them in production.
 */
export const DEV_SERVICE_KEY = 'mana-dev-service-key';

/** The development secret persona passwords are derived from. */
export const DEV_PERSONA_SEED_SECRET = 'mana-dev-persona-seed-secret';

/** The development secret Better Auth signs sessions with. */
export const DEV_AUTH_SECRET = 'mana-dev-better-auth-secret-not-for-production';

/** Every published development secret: production refuses each of them. */
export const DEV_SECRETS: readonly string[] = [
  DEV_SERVICE_KEY,
  DEV_PERSONA_SEED_SECRET,
  DEV_AUTH_SECRET,
];
