import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The linter holds the architecture's one hard rule (eslint.config.js): the pure core does not reach the
// file system, processes, Astro, the browser, or any layer above it. `npm test` runs `npm run lint` first.
const eslint = new ESLint();
const rulesHit = async (code: string, filePath: string) => {
	const [result] = await eslint.lintText(code, { filePath });
	return result!.messages.map((message) => message.ruleId);
};

describe('the pure core (src/lib) in the linter', () => {
	it('refuses node:, Astro and imports from the layers above it', async () => {
		for (const code of [
			"import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
			"import { z } from 'astro/zod';\nexport const x = z;\n",
			"import { loadCorpus } from '../../node/corpus.ts';\nexport const x = loadCorpus;\n",
			"import { renderDiff } from '../../client/diff-view.ts';\nexport const x = renderDiff;\n",
		])
			expect(await rulesHit(code, 'src/lib/documents/example.ts')).toContain('no-restricted-imports');
	});

	it('refuses the browser and process globals', async () => {
		expect(await rulesHit('export const x = () => document.title;\n', 'src/lib/site/example.ts')).toContain('no-restricted-globals');
		expect(await rulesHit('export const x = () => process.env;\n', 'src/lib/site/example.ts')).toContain('no-restricted-globals');
	});

	it('lets node code and the integration use them', async () => {
		expect(await rulesHit("import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'src/node/example.ts')).toEqual([]);
		expect(
			await rulesHit("import type { AstroIntegration } from 'astro';\nexport type X = AstroIntegration;\n", 'src/integration/example.ts'),
		).toEqual([]);
	});
});
