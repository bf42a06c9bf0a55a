import { describe, expect, it } from 'vitest';
import { formatCount, sourceSizeFault } from '../../src/lib/limits.ts';

describe('formatCount', () => {
	it('groups digits by threes as en-US does', () => {
		for (const n of [0, 7, 999, 1000, 5000, 524_288, 1_234_567, 10_000_000]) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
	});

	it('names the limit in a size fault with its separators', () => {
		expect(sourceSizeFault(600_000)?.message).toContain('600,000 位元組，超過上限 524,288 位元組');
	});
});
