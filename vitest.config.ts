import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/**/*.test.ts'],
					exclude: ['test/build/**', 'test/fixtures/**', 'test/.tmp/**', '**/node_modules/**'],
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
					// Browser assertions wait on conditions (expect.poll) as long as a busy 2-core machine needs, not 1 s.
					expect: { poll: { timeout: 30_000 } },
				},
			},
		],
	},
});
