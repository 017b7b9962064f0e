// Vitest config: unit tests beside their modules, cross-module tests in test/.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['{server,scripts,web,test,bench}/**/*.test.{ts,tsx}'],
    // SKIP_ENSURE_BUILT=1 runs unit tests without building the warehouse and the web first
    globalSetup: process.env.SKIP_ENSURE_BUILT ? [] : ['test/setup/ensure-built.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
