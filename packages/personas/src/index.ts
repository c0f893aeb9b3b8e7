export { loadCatalog } from './catalog';
export { DEV_PERSONA_SEED_SECRET, DEV_SERVICE_KEY } from './dev-defaults';
export { derivePersonaPassword, PERSONA_PASSWORD_LENGTH } from './password';
export {
  type Catalog,
  type CatalogPersona,
  catalogPersonaSchema,
  catalogSchema,
  isValidTimeZone,
  moduleNameSchema,
  type PersonaProfile,
  personaProfileSchema,
  type SharedSpace,
  sharedSpaceSchema,
  sharedSpaceTypeSchema,
  spaceMemberSchema,
  traitsSchema,
} from './schema';
export {
  describeSeed,
  SeedError,
  type SeedOptions,
  type SeedOutcome,
  type SeedSummary,
  seedPersonas,
} from './seed';
