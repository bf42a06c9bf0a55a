import { describe, it, expect } from 'vitest';
import { parseCatalogue } from '../../../src/lib/soa/catalogue.ts';
import { counterpartText, counterparts, parseCrosswalk } from '../../../src/lib/soa/crosswalk.ts';
import { annexB, c2013, c2022, CJK, crosswalk, mini2013, mini2022, NEW_IN_2022 } from './_controls.ts';

describe('the real crosswalk (ISO/IEC 27002:2022 Annex B)', () => {
	it('lists every 2022 control exactly once', () => {
		const to = crosswalk.mappings.map((m) => m.to);
		expect(to).toHaveLength(93);
		expect(new Set(to)).toEqual(new Set(c2022.controls.map((c) => c.id)));
	});

	it('carries every 2013 control into at least one 2022 control', () => {
		for (const control of c2013.controls) expect(crosswalk.to2022(control.id), control.id).not.toEqual([]);
	});

	it('gives the 11 controls new in 2022 no 2013 source, and only those', () => {
		const empty = crosswalk.mappings.filter((m) => m.from.length === 0).map((m) => m.to);
		expect(empty).toEqual(NEW_IN_2022);
		for (const id of NEW_IN_2022) expect(crosswalk.from2013(id)).toEqual([]);
	});

	it('equals the official Annex B table row for row', () => {
		expect(annexB.size).toBe(93);
		expect(new Map(crosswalk.mappings.map((m) => [m.to, m.from]))).toEqual(annexB);
	});

	it('spot checks both directions', () => {
		// Annex B maps 9.2.1 to 5.16 only; 5.18 (access rights) comes from 9.2.2, 9.2.5 and 9.2.6.
		expect(crosswalk.to2022('A.9.2.1')).toEqual(['A.5.16']);
		expect(crosswalk.from2013('A.5.18')).toEqual(['A.9.2.2', 'A.9.2.5', 'A.9.2.6']);
		expect(crosswalk.to2022('A.12.6.1')).toEqual(['A.8.8']);
		expect(crosswalk.to2022('A.5.1.1')).toEqual(['A.5.1']);
		expect(crosswalk.to2022('A.17.1.1')).toEqual(['A.5.29']);
		expect(crosswalk.to2022('A.18.2.3')).toEqual(['A.5.36', 'A.8.8']);
		expect(crosswalk.from2013('A.8.32')).toEqual(['A.12.1.2', 'A.14.2.2', 'A.14.2.3', 'A.14.2.4']);
		expect(crosswalk.from2013('A.7.10')).toEqual(['A.8.3.1', 'A.8.3.2', 'A.8.3.3', 'A.11.2.5']);
		expect(crosswalk.to2022('A.99.1.1')).toEqual([]);
	});
});

describe('parseCrosswalk', () => {
	const mini13 = parseCatalogue(mini2013(), 'a.yaml', '2013').catalogue!;
	const mini22 = parseCatalogue(mini2022(['A.5.1', 'A.5.7']), 'b.yaml', '2022').catalogue!;
	const CW = 'content/controls/crosswalk-2013-2022.yaml';
	const source = (rows: string[]) =>
		['standard2013: ISO/IEC 27001:2013', 'standard2022: ISO/IEC 27001:2022', 'mappings:', ...rows, ''].join('\n');

	it('accepts a complete mini crosswalk', () => {
		const result = parseCrosswalk(
			source(['  - to: A.5.1', '    from: [A.5.1.1, A.5.1.2]', '  - to: A.5.7', '    from: []']),
			CW,
			mini13,
			mini22,
		);
		expect(result.problems).toEqual([]);
		expect(result.to2022('A.5.1.2')).toEqual(['A.5.1']);
		expect(result.from2013('A.5.1')).toEqual(['A.5.1.1', 'A.5.1.2']);
		expect(result.from2013('A.5.7')).toEqual([]);
	});

	it('an unknown 2013 control in from', () => {
		const result = parseCrosswalk(
			source(['  - to: A.5.1', '    from: [A.5.1.1, A.5.1.2, A.5.1.9]', '  - to: A.5.7', '    from: []']),
			CW,
			mini13,
			mini22,
		);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toMatchObject({ file: CW, line: 5, column: 30, severity: 'error', rule: 'crosswalk/unknown-control' });
		expect(result.problems[0]!.message).toContain('「A.5.1.9」');
		expect(result.problems[0]!.message).toMatch(CJK);
	});

	it('an unknown 2022 control in to', () => {
		const result = parseCrosswalk(
			source(['  - to: A.5.1', '    from: [A.5.1.1, A.5.1.2]', '  - to: A.5.99', '    from: []']),
			CW,
			mini13,
			mini22,
		);
		expect(result.problems).toHaveLength(1);
		expect(result.problems[0]).toMatchObject({ line: 6, column: 9, rule: 'crosswalk/unknown-control' });
		expect(result.problems[0]!.message).toContain('「A.5.99」');
	});

	it('a 2022 control without a row, and a 2013 control in no from list', () => {
		const result = parseCrosswalk(source(['  - to: A.5.1', '    from: [A.5.1.1]']), CW, mini13, mini22);
		expect(result.problems.map((p) => [p.line, p.rule])).toEqual([
			[3, 'crosswalk/missing-mapping'],
			[3, 'crosswalk/uncovered-control'],
		]);
		expect(result.problems[0]!.message).toContain('A.5.7');
		expect(result.problems[1]!.message).toContain('A.5.1.2');
	});
});

describe('counterparts and counterpartText', () => {
	const catalogues = { '2013': c2013, '2022': c2022 };
	it('maps a 2013 id to the 2022 controls it was carried into, and a 2022 id back to its sources', () => {
		expect(counterparts(crosswalk, 'A.9.4.3')).toEqual(['A.5.17']);
		expect(counterparts(crosswalk, 'A.18.2.3')).toEqual(['A.5.36', 'A.8.8']);
		expect(counterparts(crosswalk, 'A.5.17')).toEqual(['A.9.2.4', 'A.9.3.1', 'A.9.4.3']);
		expect(counterparts(crosswalk, 'A.5.7')).toEqual([]);
		expect(counterparts(crosswalk, 'B.1')).toEqual([]);
	});

	it('names the counterparts with their titles, or says a 2022 control is new', () => {
		expect(counterpartText(crosswalk, 'A.9.4.3', catalogues)).toBe('對照表中對應 2022 版 A.5.17 鑑別資訊');
		expect(counterpartText(crosswalk, 'A.5.17', catalogues)).toContain('2013 版 A.9.2.4 ');
		expect(counterpartText(crosswalk, 'A.5.7', catalogues)).toBe('為 2022 版新增之控制措施，無 2013 版對應');
	});
});
