import { describe, it, expect } from 'vitest';
import { loadControls } from '../../../src/node/controls.ts';
import { compareSoa, leastAdvanced, sideLabel } from '../../../src/lib/soa/compare.ts';
import type { Soa, SoaEntry } from '../../../src/lib/soa/data.ts';
import { PROJECT_ROOT } from '../_helpers.ts';

const { c2013, c2022, crosswalk } = loadControls(PROJECT_ROOT);
const e = (id: string, fields: Partial<SoaEntry> = {}): SoaEntry => ({
	id,
	applicable: true,
	reasons: ['risk'],
	status: 'implemented',
	...fields,
});
const soa = (version: string, catalogue: '2013' | '2022', entries: SoaEntry[]): Soa => ({
	file: '',
	version,
	effective: '2026-01-15',
	approvedBy: '資通安全長',
	catalogue,
	entries: Object.fromEntries(entries.map((x) => [x.id, x])),
});

describe('compareSoa across catalogues (2013 → 2022 through the crosswalk)', () => {
	const older = soa('1.2', '2013', [
		e('A.9.2.4'),
		e('A.9.3.1', { status: 'partial' }),
		e('A.9.4.3'),
		e('A.6.2.2', { applicable: false, reasons: [], status: undefined }),
		e('A.12.4.3', { status: 'not-implemented' }),
	]);
	const newer = soa('2.0', '2022', [
		e('A.5.17', { status: 'partial' }),
		e('A.6.7'),
		e('A.5.7', { status: 'planned' }),
		e('A.8.15', { status: 'partial' }),
	]);
	const result = compareSoa({ soa: older, catalogue: c2013! }, { soa: newer, catalogue: c2022! }, crosswalk);
	const row = (id: string) => result.rows.find((r) => r.id === id)!;

	it('has a row for every 2022 control: renamed, merged or new', () => {
		expect(result.crossCatalogue).toBe(true);
		expect(result.rows).toHaveLength(93);
		expect([result.counts.renamed, result.counts.merged, result.counts.new, result.counts.removed]).toEqual([58, 24, 11, 0]);
		expect(row('A.5.17')).toMatchObject({ kind: 'merged', from: ['A.9.2.4', 'A.9.3.1', 'A.9.4.3'] });
		expect(row('A.6.7')).toMatchObject({ kind: 'renamed', from: ['A.6.2.2'] });
		expect(row('A.5.7')).toMatchObject({ kind: 'new', from: [] });
	});

	it('before a merge, a control counts as applicable if any source is, at the least advanced status', () => {
		expect(row('A.5.17').before).toEqual({ applicable: true, status: 'partial' });
		expect(row('A.5.17').statusChanged).toBe(false);
		expect(row('A.8.15').before).toEqual({ applicable: true, status: 'not-implemented' });
		expect(row('A.8.15').statusChanged).toBe(true);
	});

	it('marks changed applicability', () => {
		expect(row('A.6.7')).toMatchObject({
			before: { applicable: false },
			after: { applicable: true, status: 'implemented' },
			applicabilityChanged: true,
		});
		expect(result.counts.applicability).toBe(1);
		expect(sideLabel(row('A.6.7').before)).toBe('不適用');
		expect(sideLabel(row('A.6.7').after)).toBe('適用、已實施');
		expect(sideLabel(undefined)).toBe('未列入');
	});
});

describe('compareSoa within one catalogue', () => {
	it('lists controls added, removed and changed, nothing else', () => {
		const result = compareSoa(
			{ soa: soa('1.1', '2013', [e('A.5.1.1'), e('A.5.1.2', { status: 'planned' }), e('A.6.1.1')]), catalogue: c2013! },
			{ soa: soa('1.2', '2013', [e('A.5.1.1'), e('A.5.1.2'), e('A.6.1.2')]), catalogue: c2013! },
			crosswalk,
		);
		expect(result.crossCatalogue).toBe(false);
		expect(result.rows.map((r) => [r.id, r.kind, r.statusChanged])).toEqual([
			['A.5.1.1', 'same', false],
			['A.5.1.2', 'same', true],
			['A.6.1.1', 'removed', false],
			['A.6.1.2', 'added', false],
		]);
	});
});

describe('leastAdvanced', () => {
	it('未實施 < 規劃中 < 部分實施 < 已實施', () => {
		expect(leastAdvanced(['implemented', 'partial'])).toBe('partial');
		expect(leastAdvanced(['partial', 'planned', 'implemented'])).toBe('planned');
		expect(leastAdvanced(['planned', 'not-implemented'])).toBe('not-implemented');
		expect(leastAdvanced([undefined])).toBeUndefined();
	});
});
