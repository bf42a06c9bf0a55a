import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.ts'],
					exclude: ['test/build/**', 'test/node/**', 'test/fixtures/**', 'test/.tmp/**', '**/node_modules/**'],
				},
			},
			{
				// Node-only tools (src/node/): real processes, file systems and locks; slower than unit tests.
				test: {
					name: 'node',
					include: ['test/node/**/*.test.ts'],
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
					hookTimeout: 300_000,
				},
			},
		],
	},
});
