import { describe, it, expect } from 'vitest';
import {
	CLASSIFICATIONS,
	CLASSIFICATION_LABELS,
	CLASSIFICATION_PRESETS,
	classificationLabels,
	CLASSIFICATION_SPELLINGS,
	classificationRank,
	isWithinCeiling,
	parseClassification,
	type Classification,
} from '../../../src/lib/documents/classification.ts';

describe('classification levels', () => {
	it('are ordered from least to most sensitive', () => {
		expect(CLASSIFICATIONS).toEqual(['public', 'internal', 'restricted', 'confidential']);
		expect(CLASSIFICATIONS.map(classificationRank)).toEqual([0, 1, 2, 3]);
	});

	it('have the Traditional Chinese labels of the paper original', () => {
		expect(CLASSIFICATION_LABELS).toEqual({ public: '公開', internal: '內部使用', restricted: '限閱', confidential: '機密' });
	});

	it('list every spelling an author may write', () => {
		expect([...CLASSIFICATION_SPELLINGS].sort()).toEqual(
			['public', '公開', 'internal', '內部使用', '一般', 'restricted', '限閱', 'confidential', '機密', '密'].sort(),
		);
	});
});

describe('label presets', () => {
	it('map the government labels 一般/限閱/密 and the ISO labels onto the same ceiling order', () => {
		expect(parseClassification('一般')).toBe('internal');
		expect(parseClassification('密')).toBe('confidential');
		expect(CLASSIFICATION_PRESETS.government).toEqual({ public: '公開', internal: '一般', restricted: '限閱', confidential: '密' });
		expect(isWithinCeiling(parseClassification('一般')!, 'internal')).toBe(true);
		expect(isWithinCeiling(parseClassification('密')!, 'restricted')).toBe(false);
	});
});

describe('classificationLabels', () => {
	it('gives the labels pages show under each preset', () => {
		expect(classificationLabels()).toEqual(CLASSIFICATION_LABELS);
		expect(classificationLabels('government').internal).toBe('一般');
		expect(classificationLabels('government').confidential).toBe('密');
	});
});

describe('parseClassification', () => {
	it.each([
		['public', 'public'],
		['internal', 'internal'],
		['restricted', 'restricted'],
		['confidential', 'confidential'],
		['公開', 'public'],
		['內部使用', 'internal'],
		['限閱', 'restricted'],
		['機密', 'confidential'],
	])('reads %j as %j', (value, level) => {
		expect(parseClassification(value)).toBe(level);
	});

	it('ignores surrounding whitespace', () => {
		expect(parseClassification('  限閱 ')).toBe('restricted');
		expect(parseClassification('\tinternal\n')).toBe('internal');
	});

	it.each(['secret', '', '內部', 'top-secret', '機 密', 'Secret'])('rejects %j', (value) => {
		expect(parseClassification(value)).toBeUndefined();
	});

	// BUG (src/lib/documents/classification.ts:28): ALIASES is a plain object, so `ALIASES[value]` finds
	// Object.prototype members: 'toString' yields a function, '__proto__' yields Object.prototype.
	// A frontmatter `classification: constructor` then passes validation (see schema.test.ts).
	it('rejects names inherited from Object.prototype', () => {
		for (const value of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
			expect(parseClassification(value), value).toBeUndefined();
		}
	});
});

describe('isWithinCeiling', () => {
	const within = (level: Classification, ceiling: Classification) => isWithinCeiling(level, ceiling);

	it('publishes up to and including the ceiling', () => {
		expect(within('public', 'internal')).toBe(true);
		expect(within('internal', 'internal')).toBe(true);
		expect(within('restricted', 'internal')).toBe(false);
		expect(within('confidential', 'internal')).toBe(false);
	});

	it('the public ceiling admits only public documents', () => {
		expect(CLASSIFICATIONS.filter((level) => within(level, 'public'))).toEqual(['public']);
	});

	it('the restricted ceiling admits everything but confidential', () => {
		expect(CLASSIFICATIONS.filter((level) => within(level, 'restricted'))).toEqual(['public', 'internal', 'restricted']);
	});

	it('the confidential ceiling admits everything', () => {
		expect(CLASSIFICATIONS.filter((level) => within(level, 'confidential'))).toEqual([...CLASSIFICATIONS]);
	});
});
