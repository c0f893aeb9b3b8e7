export { loadCatalog } from './catalog';
export { derivePersonaPassword, PERSONA_PASSWORD_LENGTH } from './password';
export { scaleCatalog } from './scale';
export { type Catalog, catalogSchema } from './schema';
export {
  describeSeed,
  SeedError,
  type SeedOptions,
  type SeedOutcome,
  type SeedSummary,
  seedPersonas,
} from './seed';
