import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(async () => {
  // The worker serves the add-in's build as static assets; tests need the folder, not its files.
  mkdirSync(`${root}dist/addin`, { recursive: true });
  const migrations = await readD1Migrations(`${root}worker/migrations`);

  return {
    test: {
      reporters: ['default', './scripts/summary-reporter.ts'],
      projects: [
        {
          test: {
            name: 'shared',
            include: ['shared/**/*.test.ts'],
            environment: 'node',
          },
        },
        {
          test: {
            name: 'files',
            include: ['xlsx/**/*.test.ts', 'docx/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/lib/**/*.test.ts'],
            exclude: ['**/*.e2e.test.ts', '**/node_modules/**'],
            environment: 'node',
            testTimeout: 30_000,
          },
        },
        {
          test: {
            name: 'addin',
            include: ['addin/**/*.test.ts'],
            exclude: ['**/*.e2e.test.ts', '**/node_modules/**'],
            environment: 'node',
            testTimeout: 30_000,
          },
        },
        {
          test: {
            name: 'e2e',
            include: ['**/*.e2e.test.ts'],
            exclude: ['**/node_modules/**'],
            environment: 'node',
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          resolve: {
            // Tests read the worker's files back with exceljs, a third-party reader: its browser build runs in workerd.
            alias: { exceljs: `${root}node_modules/exceljs/dist/exceljs.bare.min.js` },
          },
          test: {
            name: 'worker',
            include: ['worker/**/*.test.ts', 'test/**/*.test.ts'],
            setupFiles: ['./worker/test/setup.ts'],
            testTimeout: 30_000,
          },
        },
      ],
    },
  };
});
