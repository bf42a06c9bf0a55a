import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from './build.ts';
import { builtTexts } from './scan.ts';

/**
 * The publication ceiling (AUTHORING.md): test/fixtures/corpus-ceiling has a public policy citing a
 * restricted (ISMS-S-004) and a confidential (ISMS-S-009) document, each carrying canary strings.
 */
// The titles end in 甲乙丙 / 丁戊己 so that a title cut short still shows up.
// ISMS-S-004 has two versions, so a cleared build serves it to the diff page (versions.json).
const RESTRICTED = ['機房管制作業說明甲乙丙', '甲乙丙', 'CANARY-R-BODY-7f3a', 'CANARY-R-CHANGES-4c1d', 'CANARY-R-CHANGES-11e5', 'CANARY-R-V11-2b8e'];
const CONFIDENTIAL = ['金鑰保管作業說明丁戊己', '丁戊己', 'CANARY-C-BODY-91b2'];

let allStaff: BuildResult;
let cleared: BuildResult;
beforeAll(() => {
	allStaff = buildFixture('corpus-ceiling');
	cleared = buildFixture('corpus-ceiling', { PORTAL_MAX_CLASSIFICATION: 'confidential' }, 'corpus-ceiling-confidential');
	for (const build of [allStaff, cleared]) if (build.status !== 0) throw new Error(build.stderr);
});

describe('the all-staff build (ceiling internal)', () => {
	it('leaves no trace of documents above the ceiling in any file: HTML, search index, sitemap, CSV, XLSX, JSON', async () => {
		const texts = await builtTexts(allStaff);
		expect(texts.some((t) => t.file.startsWith('pagefind/fragment/'))).toBe(true);
		expect(texts.some((t) => t.file.startsWith('soa.xlsx!/'))).toBe(true);
		for (const canary of [...RESTRICTED, ...CONFIDENTIAL]) {
			expect(texts.filter((t) => t.text.includes(canary)).map((t) => t.file), canary).toEqual([]);
		}
		expect(allStaff.exists('documents/isms-s-004/index.html')).toBe(false);
		expect(allStaff.exists('documents/isms-s-009/index.html')).toBe(false);
		expect(allStaff.exists('documents/isms-s-004/versions.json')).toBe(false);
	});

	it('renders references to them as bare numbers, unlinked', () => {
		const clause = parse(allStaff.read('documents/isms-m-001/index.html')).querySelector('#sec-1-1')!;
		expect(clause.text).toContain('機房管理依「ISMS-S-004」辦理，加密金鑰依 ISMS-S-009 第 1.1 節 及 ISMS-S-009 辦理');
		expect(clause.querySelectorAll('a')).toHaveLength(0);
	});
});

describe('a build for a cleared audience (PORTAL_MAX_CLASSIFICATION=confidential)', () => {
	it('includes them, their pages and their references', async () => {
		const texts = await builtTexts(cleared);
		for (const canary of [...RESTRICTED, ...CONFIDENTIAL]) {
			expect(texts.some((t) => t.text.includes(canary)), canary).toBe(true);
		}
		expect(cleared.exists('documents/isms-s-004/index.html')).toBe(true);
		expect(cleared.exists('documents/isms-s-004/versions.json')).toBe(true);
		expect(cleared.read('diff/index.html')).toContain('ISMS-S-004 機房管制作業說明甲乙丙');
		const clause = parse(cleared.read('documents/isms-m-001/index.html')).querySelector('#sec-1-1')!;
		expect(clause.querySelector('a[href="/documents/isms-s-004/"]')?.text).toBe('ISMS-S-004 機房管制作業說明甲乙丙');
	});
});
