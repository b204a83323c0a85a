import { defineConfig } from 'vitest/config';

// The whole suite runs on the embedded database (PGlite); every test file that touches the
// database (*.db.test.ts) runs a second time against the real PostgreSQL server.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'pglite', include: ['tests/**/*.test.ts'], env: { TEST_DATABASE: 'pglite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: ['tests/**/*.db.test.ts'], env: { TEST_DATABASE: 'postgres' } },
      },
    ],
  },
});
