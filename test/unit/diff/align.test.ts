import { describe, expect, it } from 'vitest';
import { alignRuns } from '../../../src/lib/diff/align.ts';

const same = (a: string, b: string) => a === b;

describe('alignRuns', () => {
	it('pairs equal items and leaves what one side removed facing what the other added', () => {
		expect(alignRuns(['a', 'b', 'c', 'd'], ['a', 'x', 'y', 'd'], same)).toEqual([
			{ kind: 'same', pairs: [['a', 'a']] },
			{ kind: 'replaced', removed: ['b', 'c'], added: ['x', 'y'] },
			{ kind: 'same', pairs: [['d', 'd']] },
		]);
	});

	it('gives a run with nothing removed for an insertion and nothing added for a deletion', () => {
		expect(alignRuns(['a', 'c'], ['a', 'b', 'c'], same)).toEqual([
			{ kind: 'same', pairs: [['a', 'a']] },
			{ kind: 'replaced', removed: [], added: ['b'] },
			{ kind: 'same', pairs: [['c', 'c']] },
		]);
		expect(alignRuns(['a', 'b'], ['a'], same)).toEqual([
			{ kind: 'same', pairs: [['a', 'a']] },
			{ kind: 'replaced', removed: ['b'], added: [] },
		]);
	});

	it('pairs by the comparator, keeping each side its own item', () => {
		const before = [{ id: 1, text: '甲' }];
		const after = [{ id: 2, text: '甲' }];
		expect(alignRuns(before, after, (a, b) => a.text === b.text)).toEqual([{ kind: 'same', pairs: [[before[0], after[0]]] }]);
	});

	it('handles empty sides', () => {
		expect(alignRuns([], [], same)).toEqual([]);
		expect(alignRuns([], ['a'], same)).toEqual([{ kind: 'replaced', removed: [], added: ['a'] }]);
	});
});
