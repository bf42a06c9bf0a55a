import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import type { BodyFault } from '../../src/lib/body/mdx-rules.ts';
import { remarkNoCode } from '../../src/integration/remark-no-code.ts';

/** Compiles MDX as Astro's MDX renderer does (@mdx-js/mdx), with the plugin first; returns what it reported. */
async function compileWith(body: string, path = '/site/content/documents/ISMS-M-001/1.0.mdx') {
	const reported: { path: string; faults: BodyFault[] }[] = [];
	let code: string | undefined;
	try {
		code = String(
			await compile(
				{ value: body, path },
				{
					remarkPlugins: [
						[
							remarkNoCode,
							{
								include: (file: string | undefined) => Boolean(file?.includes('/content/documents/')),
								report: (file: string, faults: BodyFault[]) => {
									reported.push({ path: file, faults });
									throw new Error('stopped');
								},
							},
						],
					],
				},
			),
		);
	} catch (error) {
		if ((error as Error).message !== 'stopped') throw error;
	}
	return { reported, code };
}

describe('remarkNoCode: the rules again, on the MDX compiler’s own tree', () => {
	it('stops the compile of a document at an import, before any JavaScript is produced', async () => {
		const { reported, code } = await compileWith("\n\nimport s from '../../../../etc/passwd?raw'\n\n<p title={s}>x</p>\n");
		expect(code).toBeUndefined();
		expect(reported).toHaveLength(1);
		expect(reported[0]!.path).toBe('/site/content/documents/ISMS-M-001/1.0.mdx');
		expect(reported[0]!.faults.map((f) => `${f.line}:${f.column} ${f.rule}`)).toEqual(['3:1 mdx/esm', '5:1 mdx/expression']);
	});

	it('refuses script and handlers as the compiler reads them', async () => {
		const { reported } = await compileWith('<script>alert(1)</script>\n\n<img src="./a.png" onerror="alert(1)" />\n');
		expect(reported[0]!.faults.map((f) => f.rule)).toEqual(['mdx/html', 'mdx/html']);
	});

	it('compiles a clean document, and leaves files that are not documents alone', async () => {
		expect((await compileWith('## 1. 目的\n\n- 1.1 條文 <sup>1</sup>。\n')).code).toContain('jsx');
		const help = await compileWith("import { Aside } from '@astrojs/starlight/components';\n\n<Aside>x</Aside>\n", '/site/src/content/docs/help/x.mdx');
		expect(help.reported).toEqual([]);
		expect(help.code).toContain('Aside');
	});
});
