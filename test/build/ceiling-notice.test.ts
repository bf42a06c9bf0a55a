import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuildResult } from './build.ts';

/**
 * Visible consequences of the ceiling (issue 18 item 9): test/fixtures/corpus-ceiling-notice has ISMS-P-010,
 * whose version in force (1.1) was raised to 限閱 while 1.0 was 內部使用; ISMS-S-009, 機密 throughout; and
 * ISMS-P-011, in force at 內部使用 with an upcoming 2.0 at 限閱. ISMS-M-001 cites all three.
 */
let site: BuildResult;
beforeAll(() => {
	site = buildFixture('corpus-ceiling-notice');
	if (site.status !== 0) throw new Error(site.stderr);
});

const log = () => `${site.stdout}\n${site.stderr}`;
const notices = () =>
	log()
		.split('\n')
		.filter((line) => line.includes('  notice  ceiling/'));

describe('the build tells what the ceiling leaves out', () => {
	it('names a document whose version in force is above the ceiling, and the pages that now show only its number', () => {
		const line = notices().find((l) => l.includes('ISMS-P-010'));
		expect(line).toContain(
			'test/fixtures/corpus-ceiling-notice/ISMS-P-010/1.1.mdx:1:1  notice  ceiling/document-left-out  ISMS-P-010 的現行版本（第 1.1 版）機密等級為 限閱（restricted），高於本次建置的發布上限 內部使用（internal）：整份文件（含其他 1 個版次）未發布，不在文件一覽表、搜尋及各清單中；引用它的 1 個頁面改為只顯示文件編號、不連結：/documents/isms-m-001/。',
		);
		expect(notices().find((l) => l.includes('ISMS-S-009'))).toContain(
			'ceiling/document-left-out  ISMS-S-009 的現行版本（第 1.0 版）機密等級為 機密（confidential）',
		);
		expect(notices().find((l) => l.includes('ISMS-P-011'))).toContain(
			'test/fixtures/corpus-ceiling-notice/ISMS-P-011/2.0.mdx:1:1  notice  ceiling/upcoming-left-out  ISMS-P-011 第 2.0 版（民國188年1月1日生效）機密等級為 限閱（restricted），高於本次建置的發布上限 內部使用（internal）：未發布；該版生效後，整份文件將不再發布',
		);
		expect(notices()).toHaveLength(3);
	});

	it('is a notice, not an error: the build passes and the page named shows the bare number', () => {
		expect(site.status).toBe(0);
		const policy = parse(site.read('documents/isms-m-001/index.html'));
		expect(policy.querySelector('#sec-1-1')?.text).toContain('ISMS-P-010');
		expect(policy.querySelectorAll('a').map((a) => a.getAttribute('href'))).not.toContain('/documents/isms-p-010/');
		expect(site.exists('documents/isms-p-010/index.html')).toBe(false);
	});

	it('never prints a hidden document’s title or text to the build log', () => {
		for (const secret of ['資產管理程序書庚辛壬', '庚辛壬', '金鑰保管作業說明丁戊己', '丁戊己', 'CANARY-N-'])
			expect(log()).not.toContain(secret);
	});
});
