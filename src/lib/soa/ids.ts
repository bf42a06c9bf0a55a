/**
 * Annex A control ids of both editions: ISO/IEC 27001:2013 (A.9.2.1, three numbers after A) and
 * :2022 (A.5.15, two). The shape of an id tells its edition, so a document may cite either.
 */
export type Edition = '2013' | '2022';
export const EDITIONS: readonly Edition[] = ['2013', '2022'];

export const STANDARDS: Record<Edition, string> = {
	'2013': 'ISO/IEC 27001:2013',
	'2022': 'ISO/IEC 27001:2022',
};

/** File names inside the controls folder. */
export const CONTROL_FILES = {
	'2013': 'iso27001-2013.yaml',
	'2022': 'iso27001-2022.yaml',
	crosswalk: 'crosswalk-2013-2022.yaml',
} as const;

export const ID_2013 = /^A\.[1-9]\d*\.[1-9]\d*\.[1-9]\d*$/;
export const ID_2022 = /^A\.[1-9]\d*\.[1-9]\d*$/;

/** `'2013'` for A.n.n.n (A.9.2.1), `'2022'` for A.n.n (A.5.15), undefined for anything else. */
export function controlEdition(id: string): Edition | undefined {
	if (ID_2013.test(id)) return '2013';
	if (ID_2022.test(id)) return '2022';
	return undefined;
}

/** The other edition. */
export function otherEdition(edition: Edition): Edition {
	return edition === '2013' ? '2022' : '2013';
}

/** Natural order of control ids: A.5.1.2 < A.5.1.10, A.9 < A.10, A.5 < A.5.1. */
export function compareControlIds(a: string, b: string): number {
	const pa = a.replace(/^A\./, '').split('.');
	const pb = b.replace(/^A\./, '').split('.');
	for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
		const x = pa[i]!;
		const y = pb[i]!;
		const nx = /^\d+$/.test(x) ? Number(x) : NaN;
		const ny = /^\d+$/.test(y) ? Number(y) : NaN;
		const d = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
		if (d !== 0) return d;
	}
	return pa.length - pb.length;
}
