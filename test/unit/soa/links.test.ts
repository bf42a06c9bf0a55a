import { describe, it, expect } from 'vitest';
import { aliasAnchors, controlLink } from '../../../src/lib/soa/links.ts';

const links = { 'A.5.17': ['A.5.17'], 'A.9.4.3': ['A.5.17'], 'A.18.2.3': ['A.5.36', 'A.8.8'], 'A.5.7': ['A.5.7'] };

describe('controlLink', () => {
	it('an id of the catalogue in force links to its own row', () => {
		expect(controlLink('A.5.17', links, '2022')).toEqual({ href: '/soa/#control-a-5-17' });
	});

	it('an id of the other catalogue links to the row covering it and says which', () => {
		expect(controlLink('A.9.4.3', links, '2022')).toEqual({
			href: '/soa/#control-a-5-17',
			note: '→ A.5.17',
			title: 'A.9.4.3 依對照表屬 2022 版 A.5.17',
		});
		expect(controlLink('A.18.2.3', links, '2022')).toMatchObject({ href: '/soa/#control-a-5-36', note: '→ A.5.36、A.8.8' });
	});

	it('an unknown id, or one with no row in force, is not linked', () => {
		expect(controlLink('A.9.9.9', links, '2022')).toBeUndefined();
		expect(controlLink('A.5.23', { 'A.5.23': [] }, '2013')).toBeUndefined();
	});
});

describe('aliasAnchors', () => {
	it('gathers, by row, the other catalogue ids whose first target it is', () => {
		expect([...aliasAnchors(links)]).toEqual([
			['A.5.17', ['A.9.4.3']],
			['A.5.36', ['A.18.2.3']],
		]);
	});
});
