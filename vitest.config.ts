import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.ts'],
					exclude: [
						'test/build/**',
						'test/node/**',
						'test/cli/**',
						'test/integration/**',
						'test/dev/**',
						'test/fixtures/**',
						'test/.tmp/**',
						'**/node_modules/**',
					],
				},
			},
			{
				// Command-line tools run as real processes (test/cli: npm run check …; test/node: src/node/, npm run
				// publish with file systems and locks; test/integration: the integration's parts, in process, on temporary corpora): slower than unit tests, more so on a busy machine.
				test: {
					name: 'node',
					include: ['test/node/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/integration/**/*.test.ts'],
					testTimeout: 60_000,
				},
			},
			{
				// Real `astro build` runs of fixture corpora: one at a time, they share the Astro cache.
				test: {
					name: 'build',
					include: ['test/build/**/*.test.ts'],
					globalSetup: ['test/build/setup.ts'],
					fileParallelism: false,
					testTimeout: 180_000,
					// Browser assertions wait on conditions; on a loaded 2-core machine a page can take seconds
					// to run its script, so expect.poll waits up to 30 s (its default, 1 s, failed under load).
					expect: { poll: { timeout: 30_000, interval: 50 } },
					hookTimeout: 300_000,
				},
			},
			{
				// `astro dev` on a fixture corpus being edited (test/dev), in a group of its own (Vitest runs groups one
				// after the other; the builds, one file at a time, form their own group too): no build runs beside
				// it and shares the project's .astro folder, where the dev server keeps its content store.
				test: {
					name: 'dev',
					include: ['test/dev/**/*.test.ts'],
					globalSetup: ['test/build/setup.ts'],
					fileParallelism: false,
					sequence: { groupOrder: 1 },
					testTimeout: 180_000,
					hookTimeout: 300_000,
				},
			},
		],
	},
});
