import { describe, expect, it } from 'vitest';
import { ANSWER_HINTS, isParticle, PARTICLES } from '../../../src/lib/search/particles.ts';

describe('particles', () => {
	it('has the question words and particles of issue 13', () => {
		for (const word of ['怎麼', '如何', '多久', '是否', '可以', '嗎', '的', '之']) expect(isParticle(word), word).toBe(true);
		expect(isParticle('密碼')).toBe(false);
	});

	it('gives hints only for question words', () => {
		for (const word of Object.keys(ANSWER_HINTS)) expect(PARTICLES.has(word), word).toBe(true);
	});
});
