import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portal } from '../../astro.config.mjs';
import { analyzeCorpus } from '../../src/node/analyze.ts';
import { createAnalysisCache } from '../../src/node/analysis-cache.ts';
import { portalConfigSchema } from '../../src/schemas/config.ts';
import { parseCount } from '../../src/lib/body/mdx.ts';
import { buildSettings, DOCS, makeProjectTree, mdx, removeTempDirs, versionFields } from '../unit/_helpers.ts';

/**
 * What the dev server's analyses keep between saves (src/node/analysis-cache.ts `AnalysisCache`): unchanged bodies,
 * the catalogues and SoA data; and what they never keep: a changed file, anything when a title or the
 * ceiling changed, and whether an image's file exists.
 */
afterAll(removeTempDirs);
const config = portalConfigSchema.parse(portal);

describe('the analysis cache (astro dev)', () => {
	const root = makeProjectTree({
		[`${DOCS}/ISMS-M-001/1.0.mdx`]: mdx(versionFields('ISMS-M-001', '1.0', { title: '資訊安全管理政策' }), '## 1. 目的\n\n- 1.1 政策。\n'),
		[`${DOCS}/ISMS-P-002/1.0.mdx`]: mdx(
			versionFields('ISMS-P-002', '1.0'),
			'## 1. 目的\n\n- 1.1 依 ISMS-M-001 第 1.1 節辦理。\n\n![流程](./assets/1.0/flow.png)\n',
		),
	});
	const write = (path: string, text: string) => writeFileSync(join(root, DOCS, path), text);
	const cache = createAnalysisCache();
	const analyse = () => analyzeCorpus(root, config, buildSettings(), { cache });
	const outline = (analysis: ReturnType<typeof analyse>, id: string) => analysis.analyses.get(id)!.outline;

	const first = analyse();

	it('keeps the bodies, catalogues and SoA data of an unchanged corpus: nothing is parsed again', () => {
		const before = parseCount();
		const again = analyse();
		expect(parseCount()).toBe(before);
		expect(outline(again, 'ISMS-M-001/1.0')).toBe(outline(first, 'ISMS-M-001/1.0'));
		expect(again.controls).toBe(first.controls);
		expect(again.problems).toEqual(first.problems);
	});

	it('analyses a changed body again, and only that one', () => {
		write(
			'ISMS-P-002/1.0.mdx',
			mdx(
				versionFields('ISMS-P-002', '1.0'),
				'## 1. 目的\n\n- 1.1 依 ISMS-M-001 第 1.1 節辦理。\n- 1.2 新增。\n\n![流程](./assets/1.0/flow.png)\n',
			),
		);
		const before = parseCount();
		const next = analyse();
		expect(parseCount()).toBe(before + 1);
		expect(outline(next, 'ISMS-P-002/1.0').clauses.map((c) => c.anchor)).toEqual(['sec-1', 'sec-1-1', 'sec-1-2']);
		expect(outline(next, 'ISMS-M-001/1.0')).toBe(outline(first, 'ISMS-M-001/1.0'));
	});

	it('analyses every body again when what they read of the others changes (a title)', () => {
		write('ISMS-M-001/1.0.mdx', mdx(versionFields('ISMS-M-001', '1.0', { title: '資訊安全政策' }), '## 1. 目的\n\n- 1.1 政策。\n'));
		const before = parseCount();
		analyse();
		expect(parseCount()).toBe(before + 2);
	});

	it('checks every time whether an image exists', () => {
		expect(analyse().problems.filter((p) => p.rule === 'asset/missing')).toHaveLength(1);
		mkdirSync(join(root, DOCS, 'ISMS-P-002/assets/1.0'), { recursive: true });
		writeFileSync(join(root, DOCS, 'ISMS-P-002/assets/1.0/flow.png'), 'png');
		expect(analyse().problems.filter((p) => p.rule === 'asset/missing')).toEqual([]);
	});

	it('reads the catalogues again once the dev server drops them, and forgets a deleted file', () => {
		const kept = analyse().controls;
		delete cache.controls;
		expect(analyse().controls).not.toBe(kept);
		rmSync(join(root, DOCS, 'ISMS-P-002'), { recursive: true });
		expect(analyse().analyses.has('ISMS-P-002/1.0')).toBe(false);
		expect([...cache.bodies.keys()]).toEqual([`${DOCS}/ISMS-M-001/1.0.mdx`]);
	});

	it('gives the same result as an analysis without a cache', () => {
		const cached = analyse();
		const fresh = analyzeCorpus(root, config, buildSettings());
		expect(cached.problems).toEqual(fresh.problems);
		expect([...cached.analyses.keys()]).toEqual([...fresh.analyses.keys()]);
		expect(outline(cached, 'ISMS-M-001/1.0')).toEqual(outline(fresh, 'ISMS-M-001/1.0'));
	});
});
