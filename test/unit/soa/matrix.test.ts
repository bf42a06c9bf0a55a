import { describe, it, expect } from 'vitest';
import { loadControls } from '../../../src/node/controls.ts';
import type { Soa, SoaEntry } from '../../../src/lib/soa/data.ts';
import { computeSoa, percent, type ImplementingDocument } from '../../../src/lib/soa/matrix.ts';
import { PROJECT_ROOT } from '../_helpers.ts';

const loaded = loadControls(PROJECT_ROOT);
const c2013 = loaded.c2013!;
const c2022 = loaded.c2022!;
const FILE = 'content/soa.yaml';

// ───────────────────────── computeSoa ─────────────────────────

function entry(id: string, fields: Partial<Omit<SoaEntry, 'id'>> = {}): SoaEntry {
	return { id, applicable: true, reasons: ['risk'], status: 'implemented', ...fields };
}

function excluded(id: string, fields: Partial<Omit<SoaEntry, 'id'>> = {}): SoaEntry {
	const { status: _status, ...rest } = entry(id, { applicable: false, reasons: [], justification: '不適用之理由', ...fields });
	return fields.status ? { ...rest, status: fields.status } : rest;
}

function soaOf(entries: SoaEntry[]): Soa {
	return {
		file: FILE,
		version: '1.0',
		effective: '2026-01-15',
		approvedBy: '資通安全長',
		catalogue: '2013',
		entries: Object.fromEntries(entries.map((e) => [e.id, e])),
	};
}

function doc(docNo: string, controls: string[]): ImplementingDocument {
	return { docNo, title: `${docNo} 標題`, url: `/documents/${docNo.toLowerCase()}/`, controls };
}

const implementer = (docNo: string) => ({ docNo, title: `${docNo} 標題`, url: `/documents/${docNo.toLowerCase()}/` });
const ids = (rows: readonly { control: { id: string } }[]) => rows.map((r) => r.control.id);

/** Every 2013 control excluded with a justification, except those given. */
function fullSoa(...entries: SoaEntry[]): Soa {
	const given = new Map(entries.map((e) => [e.id, e]));
	return soaOf(c2013.controls.map((c) => given.get(c.id) ?? excluded(c.id)));
}

describe('computeSoa: rows', () => {
	it('has one row per catalogue control, in catalogue order, grouped by domain', () => {
		const matrix = computeSoa(c2013, fullSoa(), []);
		expect(ids(matrix.rows)).toEqual(c2013.controls.map((c) => c.id));
		expect(matrix.domains.map((d) => [d.id, d.zh, d.en])).toEqual(c2013.domains.map((d) => [d.id, d.zh, d.en]));
		for (const [index, domain] of matrix.domains.entries()) {
			expect(ids(domain.rows)).toEqual(c2013.domains[index]!.controls.map((c) => c.id));
			for (const row of domain.rows) expect(matrix.rows).toContain(row);
		}
		expect(matrix.rows[0]!.control).toBe(c2013.byId.get('A.5.1.1'));
	});

	it('orders implementing documents by docNo and lists each once', () => {
		const matrix = computeSoa(c2013, fullSoa(entry('A.5.1.1')), [
			doc('ISMS-P-010', ['A.5.1.1']),
			doc('ISMS-M-001', ['A.5.1.1', 'A.5.1.2']),
			doc('ISMS-P-002', ['A.5.1.1', 'A.5.1.1']),
			doc('ISMS-P-003', ['A.9.2.1']),
		]);
		expect(matrix.rows[0]!.implementedBy).toEqual([implementer('ISMS-M-001'), implementer('ISMS-P-002'), implementer('ISMS-P-010')]);
		expect(matrix.rows[1]!.implementedBy).toEqual([implementer('ISMS-M-001')]);
		expect(matrix.rows.find((r) => r.control.id === 'A.9.2.1')!.implementedBy).toEqual([implementer('ISMS-P-003')]);
		expect(matrix.rows.find((r) => r.control.id === 'A.9.2.2')!.implementedBy).toEqual([]);
	});

	it('attaches the SoA entry to its row', () => {
		const own = entry('A.5.1.1', { owner: '資訊室' });
		const matrix = computeSoa(c2013, fullSoa(own), []);
		expect(matrix.rows[0]!.entry).toBe(own);
	});

	it('counts a row as covered only when it is applicable and implemented by a document', () => {
		const soa = soaOf([entry('A.5.1.1'), entry('A.5.1.2'), excluded('A.6.1.1'), excluded('A.6.1.2')]);
		const matrix = computeSoa(c2013, soa, [doc('ISMS-M-001', ['A.5.1.1', 'A.6.1.1', 'A.6.1.3'])]);
		const covered = Object.fromEntries(matrix.rows.slice(0, 5).map((r) => [r.control.id, r.covered]));
		expect(covered).toEqual({
			'A.5.1.1': true, // applicable, implemented
			'A.5.1.2': false, // applicable, no document
			'A.6.1.1': false, // excluded, claimed by a document
			'A.6.1.2': false, // excluded, no document
			'A.6.1.3': false, // missing from the SoA, claimed by a document
		});
	});
});

describe('computeSoa: gaps', () => {
	const soa = fullSoa(
		entry('A.5.1.1'), // covered: no gap
		entry('A.5.1.2', { status: 'planned' }), // uncovered
		excluded('A.6.1.1'), // claimed by a document
		excluded('A.6.1.2', { justification: undefined }), // unjustified
		excluded('A.6.1.3', { justification: undefined }), // claimed and unjustified
		excluded('A.6.1.4', { justification: '' }), // an empty justification is none
	);
	delete soa.entries['A.18.2.3'];
	delete soa.entries['A.18.2.2'];
	const matrix = computeSoa(c2013, soa, [doc('ISMS-M-001', ['A.5.1.1', 'A.6.1.1', 'A.6.1.3', 'A.18.2.3'])]);
	const row = (id: string) => matrix.rows.find((r) => r.control.id === id)!;

	it('an applicable control no document implements is uncovered', () => {
		expect(ids(matrix.gaps.uncovered)).toEqual(['A.5.1.2']);
		expect(row('A.5.1.2').gaps).toEqual(['uncovered']);
		expect(row('A.5.1.1').gaps).toEqual([]);
	});

	it('an excluded control a document claims to implement', () => {
		expect(ids(matrix.gaps['claimed-not-applicable'])).toEqual(['A.6.1.1', 'A.6.1.3']);
		expect(row('A.6.1.1').gaps).toEqual(['claimed-not-applicable']);
	});

	it('an excluded control without justification', () => {
		expect(ids(matrix.gaps.unjustified)).toEqual(['A.6.1.2', 'A.6.1.3', 'A.6.1.4']);
		expect(row('A.6.1.2').gaps).toEqual(['unjustified']);
		expect(row('A.6.1.4').gaps).toEqual(['unjustified']);
	});

	it('a control in two gap lists', () => {
		expect(row('A.6.1.3').gaps).toEqual(['claimed-not-applicable', 'unjustified']);
		expect(matrix.gaps['claimed-not-applicable']).toContain(row('A.6.1.3'));
		expect(matrix.gaps.unjustified).toContain(row('A.6.1.3'));
	});

	it('a control missing from the SoA, whether or not a document implements it', () => {
		expect(ids(matrix.gaps.missing)).toEqual(['A.18.2.2', 'A.18.2.3']);
		expect(row('A.18.2.3').gaps).toEqual(['missing']);
		expect(row('A.18.2.3').entry).toBeUndefined();
		expect(row('A.18.2.3').implementedBy).toEqual([implementer('ISMS-M-001')]);
		expect(row('A.18.2.3').covered).toBe(false);
	});

	it('gap lists hold the rows themselves', () => {
		expect(matrix.gaps.uncovered[0]).toBe(row('A.5.1.2'));
		expect(matrix.gaps.missing[0]).toBe(row('A.18.2.2'));
	});

	it('no other row has a gap', () => {
		const withGaps = matrix.rows.filter((r) => r.gaps.length > 0);
		expect(ids(withGaps)).toEqual(['A.5.1.2', 'A.6.1.1', 'A.6.1.2', 'A.6.1.3', 'A.6.1.4', 'A.18.2.2', 'A.18.2.3']);
	});
});

describe('computeSoa: counts', () => {
	const soa = fullSoa(
		entry('A.5.1.1', { status: 'implemented' }),
		entry('A.5.1.2', { status: 'partial' }),
		entry('A.6.1.1', { status: 'implemented' }),
		entry('A.6.1.2', { status: 'planned' }),
		entry('A.6.1.3', { status: 'not-implemented' }),
		entry('A.6.1.4', { status: 'implemented' }),
		// an excluded entry carrying a status (parseSoa rejects it) counts for nothing
		excluded('A.6.1.5', { status: 'implemented' }),
	);
	delete soa.entries['A.6.2.1'];
	const matrix = computeSoa(c2013, soa, [
		doc('ISMS-M-001', ['A.5.1.1', 'A.5.1.2']),
		doc('ISMS-P-011', ['A.6.1.1', 'A.6.1.2', 'A.6.1.5', 'A.6.2.1']),
	]);

	it('counts per domain: total, applicable, covered, implemented', () => {
		const counts = matrix.domains.map((d) => [d.id, d.total, d.applicable, d.covered, d.implemented]);
		expect(counts[0]).toEqual(['A.5', 2, 2, 2, 1]);
		expect(counts[1]).toEqual(['A.6', 7, 4, 2, 2]);
		expect(counts[2]).toEqual(['A.7', 6, 0, 0, 0]);
		expect(matrix.domains.map((d) => d.total)).toEqual(c2013.domains.map((d) => d.controls.length));
	});

	it('totals and counts by status (applicable controls only)', () => {
		expect(matrix.totals).toEqual({
			total: 114,
			applicable: 6,
			excluded: 107,
			covered: 4,
			byStatus: { implemented: 3, partial: 1, planned: 1, 'not-implemented': 1 },
		});
	});

	it('without any SoA every control is missing', () => {
		const none = computeSoa(c2013, undefined, [doc('ISMS-M-001', ['A.5.1.1'])]);
		expect(ids(none.gaps.missing)).toEqual(c2013.controls.map((c) => c.id));
		expect(none.gaps.uncovered).toEqual([]);
		expect(none.gaps['claimed-not-applicable']).toEqual([]);
		expect(none.gaps.unjustified).toEqual([]);
		expect(none.rows.every((r) => r.entry === undefined && !r.covered && r.gaps.join() === 'missing')).toBe(true);
		expect(none.rows[0]!.implementedBy).toEqual([implementer('ISMS-M-001')]);
		expect(none.totals).toEqual({
			total: 114,
			applicable: 0,
			excluded: 0,
			covered: 0,
			byStatus: { implemented: 0, partial: 0, planned: 0, 'not-implemented': 0 },
		});
		expect(none.domains.map((d) => [d.applicable, d.covered, d.implemented])).toEqual(c2013.domains.map(() => [0, 0, 0]));
	});
});

describe('percent', () => {
	it.each([
		[0, 0, 0],
		[5, 0, 0],
		[0, 7, 0],
		[1, 3, 33],
		[2, 3, 67],
		[1, 8, 13],
		[1, 200, 1],
		[1, 201, 0],
		[113, 114, 99],
		[114, 114, 100],
	])('%i of %i is %i %%', (part, whole, expected) => {
		expect(percent(part, whole)).toBe(expected);
	});
});

describe('computeSoa: coverage through the crosswalk (依對照表)', () => {
	const soa2022: Soa = {
		file: 'content/soa/2.0.yaml',
		version: '2.0',
		effective: '2026-12-01',
		approvedBy: '資通安全長',
		catalogue: '2022',
		entries: {
			'A.5.17': { id: 'A.5.17', applicable: true, reasons: ['risk'], status: 'implemented', lastReviewed: '2026-12-01' },
			'A.5.36': { id: 'A.5.36', applicable: true, reasons: ['risk'], status: 'partial', lastReviewed: '2026-12-01' },
			'A.8.8': { id: 'A.8.8', applicable: true, reasons: ['risk'], status: 'planned', note: '115 年完成', lastReviewed: '2026-12-01' },
			'A.5.7': { id: 'A.5.7', applicable: true, reasons: ['risk'], status: 'planned', note: '待評估' },
			'A.5.23': { id: 'A.5.23', applicable: true, reasons: ['risk'], status: 'implemented', lastReviewed: '2026-12-01' },
		},
	};
	const matrix = computeSoa(
		c2022,
		soa2022,
		[doc('ISMS-S-001', ['A.9.4.3']), doc('ISMS-P-017', ['A.18.2.3', 'A.8.8']), doc('ISMS-P-013', ['A.8.1.1', 'A.8.1.2'])],
		loaded.crosswalk,
	);
	const row = (id: string) => matrix.rows.find((r) => r.control.id === id)!;

	it('a document citing only A.9.4.3 implements A.5.17, marked with the id it cites', () => {
		expect(row('A.5.17').implementedBy).toEqual([{ ...implementer('ISMS-S-001'), via: ['A.9.4.3'] }]);
		expect(row('A.5.17').covered).toBe(true);
	});

	it('a 2013 id carried into two 2022 controls covers both; a direct citation is not marked', () => {
		expect(row('A.5.36').implementedBy).toEqual([{ ...implementer('ISMS-P-017'), via: ['A.18.2.3'] }]);
		expect(row('A.8.8').implementedBy).toEqual([implementer('ISMS-P-017')]);
	});

	it('two 2013 ids merged into one control list the document once, with both', () => {
		expect(row('A.5.9').implementedBy).toEqual([{ ...implementer('ISMS-P-013'), via: ['A.8.1.1', 'A.8.1.2'] }]);
	});

	it('without the crosswalk, ids of the other catalogue cover nothing', () => {
		expect(computeSoa(c2022, soa2022, [doc('ISMS-S-001', ['A.9.4.3'])]).rows.find((r) => r.control.id === 'A.5.17')!.implementedBy).toEqual(
			[],
		);
	});

	it('implementation status is kept apart from the documentation gaps', () => {
		expect(ids(matrix.pending.partial)).toEqual(['A.5.36']);
		expect(ids(matrix.pending.planned)).toEqual(['A.5.7', 'A.8.8']);
		expect(ids(matrix.pending['not-implemented'])).toEqual([]);
		expect(row('A.5.36').gaps).toEqual([]);
	});

	it('a control new in 2022 without lastReviewed awaits assessment; once reviewed it does not', () => {
		expect(ids(matrix.gaps.unassessed)).toEqual(['A.5.7']);
		expect(row('A.5.23').gaps).toEqual(['uncovered']);
	});
});
