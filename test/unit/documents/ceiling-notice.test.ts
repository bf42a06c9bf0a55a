import { describe, expect, it } from 'vitest';
import { ceilingNotices, citedDocuments, type NoticeVersion } from '../../../src/lib/documents/ceiling-notice.ts';
import type { Classification } from '../../../src/lib/documents/classification.ts';
import type { VersionState } from '../../../src/lib/documents/resolve.ts';
import { pd, pv } from '../_helpers.ts';

const nv = (
	docNo: string,
	version: string,
	state: VersionState,
	classification: Classification,
	effective = '2021-01-01',
): NoticeVersion => ({
	id: `${docNo}/${version}`,
	docNo,
	version,
	state,
	classification,
	effective,
	file: `content/documents/${docNo}/${version}.mdx`,
});

const policyV = pv('ISMS-M-001', '1.0', 'current');
const policy = pd('ISMS-M-001', [policyV]);
const olderPolicy = pd('ISMS-M-002', [pv('ISMS-M-002', '2.0', 'current'), pv('ISMS-M-002', '1.0', 'superseded')]);
const cites: Record<string, string[]> = { 'ISMS-M-001/1.0': ['ISMS-P-010'], 'ISMS-M-002/1.0': ['ISMS-P-010'], 'ISMS-M-002/2.0': [] };
const input = (documents: Parameters<typeof ceilingNotices>[0]['documents'], published = [policy, olderPolicy]) => ({
	documents,
	published,
	citedBy: (id: string) => cites[id] ?? [],
	ceiling: 'internal' as const,
});

describe('ceilingNotices', () => {
	it('names a document left out because its version in force is above the ceiling, with the pages that cite it', () => {
		const lines = ceilingNotices(
			input([
				{
					docNo: 'ISMS-P-010',
					versions: [nv('ISMS-P-010', '1.1', 'current', 'restricted'), nv('ISMS-P-010', '1.0', 'superseded', 'internal')],
				},
			]),
		);
		expect(lines).toEqual([
			'content/documents/ISMS-P-010/1.1.mdx:1:1  notice  ceiling/document-left-out  ISMS-P-010 的現行版本（第 1.1 版）機密等級為 限閱（restricted），高於本次建置的發布上限 內部使用（internal）：整份文件（含其他 1 個版次）未發布，不在文件一覽表、搜尋及各清單中；引用它的 2 個頁面改為只顯示文件編號、不連結：/documents/isms-m-001/、/documents/isms-m-002/v1.0/。',
		]);
	});

	it('says when nothing cites it, and uses the configured labels', () => {
		const [line] = ceilingNotices({
			...input([{ docNo: 'ISMS-S-009', versions: [nv('ISMS-S-009', '1.0', 'current', 'confidential')] }]),
			labels: { public: '公開', internal: '一般', restricted: '限閱', confidential: '密' },
		});
		expect(line).toContain('機密等級為 密（confidential），高於本次建置的發布上限 一般（internal）：整份文件未發布');
		expect(line).toContain('；沒有其他已發布的頁面引用它。');
	});

	it('warns of an upcoming version above the ceiling of a published document; is silent otherwise', () => {
		const published = pd('ISMS-P-011', [pv('ISMS-P-011', '1.0', 'current')]);
		const lines = ceilingNotices(
			input(
				[
					{
						docNo: 'ISMS-P-011',
						versions: [nv('ISMS-P-011', '2.0', 'upcoming', 'restricted', '2099-01-01'), nv('ISMS-P-011', '1.0', 'current', 'internal')],
					},
				],
				[policy, published],
			),
		);
		expect(lines).toEqual([
			'content/documents/ISMS-P-011/2.0.mdx:1:1  notice  ceiling/upcoming-left-out  ISMS-P-011 第 2.0 版（民國188年1月1日生效）機密等級為 限閱（restricted），高於本次建置的發布上限 內部使用（internal）：未發布；該版生效後，整份文件將不再發布，引用它的頁面只會顯示其文件編號。',
		]);
		expect(ceilingNotices(input([{ docNo: 'ISMS-M-001', versions: [nv('ISMS-M-001', '1.0', 'current', 'public')] }]))).toEqual([]);
	});
});

describe('citedDocuments', () => {
	it('reads the documents a version cites from its document and clause references', () => {
		const citedBy = citedDocuments(
			new Map([
				[
					'ISMS-M-001/1.0',
					{
						sites: [
							{ kind: 'document', docNo: 'ISMS-P-010' },
							{ kind: 'clause', docNo: 'ISMS-S-009' },
							{ kind: 'clause' },
							{ kind: 'control' },
						],
					},
				],
			]),
		);
		expect(citedBy('ISMS-M-001/1.0')).toEqual(['ISMS-P-010', 'ISMS-S-009']);
		expect(citedBy('ISMS-X-001/1.0')).toEqual([]);
	});
});
