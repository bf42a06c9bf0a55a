import { describe, it, expect } from 'vitest';
import { compareControlIds, controlEdition, otherEdition } from '../../../src/lib/soa/ids.ts';

describe('controlEdition and compareControlIds', () => {
	it('tells 2013 ids (three numbers after A) from 2022 ids (two)', () => {
		expect(controlEdition('A.9.2.1')).toBe('2013');
		expect(controlEdition('A.18.2.3')).toBe('2013');
		expect(controlEdition('A.5.15')).toBe('2022');
		expect(controlEdition('A.8.34')).toBe('2022');
		for (const id of ['A.9', '9.2.1', 'A.9.2.1.1', 'A.9.x.1', 'a.5.15', 'A.05.1', '']) expect(controlEdition(id), id).toBeUndefined();
	});

	it('orders ids naturally', () => {
		expect(compareControlIds('A.5.1.2', 'A.5.1.10')).toBeLessThan(0);
		expect(compareControlIds('A.9', 'A.10')).toBeLessThan(0);
		expect(compareControlIds('A.5', 'A.5.1')).toBeLessThan(0);
		expect(compareControlIds('A.8.34', 'A.8.4')).toBeGreaterThan(0);
		expect(compareControlIds('A.5.15', 'A.5.15')).toBe(0);
		expect(['A.10.1.1', 'A.9.4.5', 'A.9.2.10', 'A.9.2.2'].sort(compareControlIds)).toEqual(['A.9.2.2', 'A.9.2.10', 'A.9.4.5', 'A.10.1.1']);
	});
});

describe('otherEdition', () => {
	it('swaps 2013 and 2022', () => {
		expect(otherEdition('2013')).toBe('2022');
		expect(otherEdition('2022')).toBe('2013');
	});
});
