import { describe, expect, it } from 'vitest';
import { runScript } from './run.ts';

describe('npm run bench', { timeout: 60_000 }, () => {
	it('refuses an option it does not understand before measuring anything: the reason and the usage, exit 2', () => {
		const result = runScript('bench', ['--sizes', '400,many']);
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^--sizes: whole numbers of documents/);
		expect(result.stderr).toContain('usage: npm run bench -- [--sizes 400,1600] [--runs 3]');
		expect(result.stdout).toBe('');
	});
});
