import { describe, expect, it } from 'vitest';
import type { PageEvaluation } from '../../../src/lib/search/evaluate.ts';
import { compareRanked, type Ranked } from '../../../src/lib/search/rank.ts';

const evaluation = (extra: Partial<PageEvaluation> = {}): PageEvaluation => ({
	phrase: false,
	found: [true],
	coverage: 1,
	inTitle: 0,
	titleAll: false,
	inHeading: 0,
	headingAll: false,
	structural: 0,
	nearby: 1,
	place: [0],
	typed: [true],
	optional: 0,
	standing: 0,
	...extra,
});
const ranked = (name: string, extra: Partial<PageEvaluation> = {}, rest: Partial<Ranked> = {}) => ({
	name,
	ranked: { named: 2, namedOrder: 0, evaluation: evaluation(extra), score: 0, order: 0, ...rest } as Ranked,
});
const order = (...items: ReturnType<typeof ranked>[]) => [...items].sort((a, b) => compareRanked(a.ranked, b.ranked)).map((i) => i.name);

describe('compareRanked', () => {
	it('puts named pages first, then the exact band, then all terms, then most', () => {
		expect(
			order(
				ranked('most', { coverage: 0.5 }),
				ranked('all', { coverage: 1 }, { score: 9 }),
				ranked('exact', { phrase: true }),
				ranked('named', { coverage: 0 }, { named: 0 }),
			),
		).toEqual(['named', 'exact', 'all', 'most']);
	});

	it('in the exact band: every term in the title first, then documents in force before portal pages', () => {
		expect(
			order(
				ranked('portal', { phrase: true, standing: 1 }),
				ranked('doc', { phrase: true }),
				ranked('title', { titleAll: true, standing: 1 }),
			),
		).toEqual(['title', 'doc', 'portal']);
	});

	it('among pages with all terms: a clause heading with every term, then the weight, then documents before portal pages', () => {
		expect(
			order(ranked('weight', {}, { score: 5 }), ranked('heading', { headingAll: true }, { score: 1 }), ranked('light', {}, { score: 1 })),
		).toEqual(['heading', 'weight', 'light']);
		expect(
			order(ranked('portal', { standing: 1 }, { score: 2 }), ranked('doc', {}, { score: 2 }), ranked('old', { standing: 2 }, { score: 2 })),
		).toEqual(['doc', 'portal', 'old']);
	});
});
