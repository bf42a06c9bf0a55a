import { describe, expect, it } from 'vitest';
import { computeCeiling } from '../../../src/lib/ceiling/ceiling.ts';
import { resolveDocuments } from '../../../src/lib/documents/resolve.ts';
import { buildCanaries } from '../../../src/lib/site/canaries.ts';
import type { AnalysedVersion } from '../../../src/node/analyze.ts';
import type { PortalModel } from '../../../src/lib/documents/portal.ts';
import { dv } from '../_helpers.ts';

describe('canaries of the build audit', () => {
	const versions = [
		dv('ISMS-M-001', '1.0', '2020-01-01', { title: '資訊安全管理政策', classification: 'internal' }),
		dv('ISMS-R-001', '1.0', '2020-01-01', { title: '機房門禁限閱作業說明', classification: 'restricted' }),
	];
	const ceiling = computeCeiling(versions, resolveDocuments(versions, { today: '2025-01-15', includeDrafts: false }).documents, 'internal');
	const block = (text: string) => ({ kind: 'paragraph' as const, text, depth: 0, line: 1, column: 1 });
	const analyses = new Map<string, AnalysedVersion>([
		[
			'ISMS-M-001/1.0',
			{ version: versions[0]!, sites: [], outline: { clauses: [], problems: [], blocks: [block('全體同仁應遵守本政策之規定。')] } },
		],
		[
			'ISMS-R-001/1.0',
			{
				version: versions[1]!,
				sites: [],
				outline: {
					clauses: [],
					problems: [],
					blocks: [block('機房門禁卡須每月盤點並登錄於門禁系統。'), block('全體同仁應遵守本政策之規定。')],
				},
			},
		],
	]);
	const canaries = buildCanaries({ versions, ceiling, analyses }, { soa: {}, config: {} } as unknown as PortalModel);

	it('has the hidden version’s path, title and distinctive text', () => {
		const texts = canaries.map((canary) => canary.text);
		expect(texts).toContain('/documents/isms-r-001/');
		expect(texts).toContain('機房門禁限閱作業說明');
		expect(texts.some((text) => text.includes('機房門禁卡須每月盤點'))).toBe(true);
	});

	it('leaves out what the build publishes anyway (a sentence a published version also has)', () => {
		expect(canaries.some((canary) => canary.text.includes('全體同仁應遵守本政策'))).toBe(false);
		expect(canaries.some((canary) => canary.docNo === 'ISMS-M-001')).toBe(false);
	});
});
