export {
  createPgliteSnapshot,
  createServerTemplateDatabase,
  createTestDatabase,
  dropServerDatabase,
  type TestDatabaseTarget,
  testDatabaseTarget,
} from './test-database';
