import { describe, it, expect } from 'vitest';
import type { Soa } from '../../../src/lib/soa/data.ts';
import { resolveSoaVersions } from '../../../src/lib/soa/versions.ts';

const soa = (version: string, effective: string, catalogue: '2013' | '2022' = '2013'): Soa => ({
	file: `content/soa/${version}.yaml`,
	version,
	effective,
	approvedBy: '資通安全長',
	catalogue,
	entries: {},
});
const states = (list: Soa[], today: string) =>
	resolveSoaVersions(list, today).versions.map((v) => [v.soa.version, v.state, v.supersededBy?.version]);

describe('resolveSoaVersions: the document rule', () => {
	const list = [soa('1.2', '2026-01-15'), soa('2.0', '2026-12-01', '2022'), soa('1.10', '2026-06-01')];

	it('the version in force is the highest with effective on or before the date; older ones are superseded by the next', () => {
		const result = resolveSoaVersions(list, '2026-11-25');
		expect(result.current?.version).toBe('1.10');
		expect(states(list, '2026-11-25')).toEqual([
			['2.0', 'upcoming', undefined],
			['1.10', 'current', undefined],
			['1.2', 'superseded', '1.10'],
		]);
	});

	it('on its effective date the new version is in force (1.10 > 1.9 numerically)', () => {
		expect(resolveSoaVersions(list, '2026-12-01').current?.version).toBe('2.0');
		expect(states(list, '2026-12-01')).toEqual([
			['2.0', 'current', undefined],
			['1.10', 'superseded', '2.0'],
			['1.2', 'superseded', '1.10'],
		]);
	});

	it('before the first effective date no SoA is in force', () => {
		const result = resolveSoaVersions(list, '2025-12-31');
		expect(result.current).toBeUndefined();
		expect(result.versions.every((v) => v.state === 'upcoming')).toBe(true);
	});

	it('a single SoA (content/soa.yaml alone) is the version in force', () => {
		expect(resolveSoaVersions([soa('1.2', '2026-01-15')], '2026-03-01').current?.version).toBe('1.2');
	});

	it('a version written twice, and a newer version effective before an older one, are errors', () => {
		const twice = resolveSoaVersions([soa('1.2', '2026-01-15'), { ...soa('1.2', '2026-02-01'), file: 'content/soa.yaml' }], '2026-03-01');
		expect(twice.problems.map((p) => [p.file, p.rule])).toEqual([['content/soa/1.2.yaml', 'soa/duplicate-version']]);
		const order = resolveSoaVersions([soa('1.2', '2026-01-15'), soa('2.0', '2025-12-01')], '2026-03-01');
		expect(order.problems.map((p) => [p.file, p.rule])).toEqual([['content/soa/2.0.yaml', 'soa/version-order']]);
		expect(order.problems[0]!.message).toContain('較新的版次不可早於較舊的版次生效');
	});
});
