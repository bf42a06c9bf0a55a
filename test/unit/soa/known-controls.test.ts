import { describe, expect, it } from 'vitest';
import { knownControls, unknownControl } from '../../../src/lib/soa/known-controls.ts';
import { c2013, c2022 } from './_controls.ts';

const both = knownControls([c2013, c2022]);

describe('knownControls', () => {
	it('summarises each loaded catalogue: its domains or themes, objectives and count', () => {
		expect(both.editions['2013']).toMatchObject({ standard: 'ISO/IEC 27001:2013', count: 114 });
		expect(both.editions['2013']!.domains).toEqual([
			'A.5',
			'A.6',
			'A.7',
			'A.8',
			'A.9',
			'A.10',
			'A.11',
			'A.12',
			'A.13',
			'A.14',
			'A.15',
			'A.16',
			'A.17',
			'A.18',
		]);
		expect(both.editions['2013']!.objectives.get('A.9.2')).toBe('A.9.2.1');
		expect(both.editions['2022']).toMatchObject({ standard: 'ISO/IEC 27001:2022', count: 93, domains: ['A.5', 'A.6', 'A.7', 'A.8'] });
	});
});

describe('unknownControl', () => {
	it.each(['A.5.1.1', 'A.18.2.3', 'A.5.1', 'A.8.34'])('accepts %s (either edition, by its shape)', (id) => {
		expect(unknownControl(id, both)).toBeUndefined();
	});

	it('names the standard of the id’s shape and its range', () => {
		expect(unknownControl('A.19.1.1', both)).toBe(
			'ISO/IEC 27001:2013 附錄 A 沒有控制措施 A.19.1.1（ISO/IEC 27001:2013 附錄 A 的控制措施在 A.5 至 A.18，共 114 項）',
		);
		expect(unknownControl('A.8.35', both)).toBe(
			'ISO/IEC 27001:2022 附錄 A 沒有控制措施 A.8.35（ISO/IEC 27001:2022 附錄 A 的控制措施在 A.5 至 A.8，共 93 項）',
		);
	});

	it('says a 2013 control objective written as a control is one', () => {
		expect(unknownControl('A.12.6', both)).toBe(
			'ISO/IEC 27001:2022 附錄 A 沒有控制措施 A.12.6；A.12.6 是 ISO/IEC 27001:2013 的控制目標，不是控制措施，請寫其下的控制措施（如 A.12.6.1）',
		);
	});

	it('refuses an id of neither shape, and skips an edition whose catalogue did not load', () => {
		expect(unknownControl('A.0.1', both)).toBe('不是附錄 A 控制措施的編號（ISO/IEC 27001:2013 如 A.9.2.1，ISO/IEC 27001:2022 如 A.5.15）');
		expect(unknownControl('A.19.1.1', knownControls([undefined, c2022]))).toBeUndefined();
	});
});
