export {
  createPgliteSnapshot,
  createTestDatabase,
  type TestDatabaseTarget,
  testDatabaseTarget,
} from './test-database';
