import { describe, expect, it } from 'vitest';
import { breadcrumbTrail, pageTitle, pathBelowBase, sidebarSection } from '../../../src/lib/site/navigation.ts';
import { TIER_KINDS } from '../../../src/lib/documents/fields.ts';
import { pd, pv } from '../_helpers.ts';

const p005 = pd('ISMS-P-005', [pv('ISMS-P-005', '1.1', 'current', { tier: 2 }), pv('ISMS-P-005', '1.0', 'superseded', { tier: 2 })]);
const upcoming = pd('ISMS-P-099', [pv('ISMS-P-099', '1.0', 'upcoming', { tier: 2 })]);
const trail = (path: string, title = '頁') =>
	breadcrumbTrail({ path, title, documents: [p005, upcoming], kinds: TIER_KINDS, here: (p) => `/isms${p}` });

describe('breadcrumbTrail', () => {
	it('puts a document under the master list and its tier group, a version under its document', () => {
		expect(trail('/documents/isms-p-005/')).toEqual([
			{ label: '文件一覽表', href: '/isms/documents/' },
			{ label: '第二階 程序書', href: '/isms/documents/#tier-2' },
			{ label: 'ISMS-P-005' },
		]);
		expect(trail('/documents/isms-p-005/v1.0/').slice(2)).toEqual([
			{ label: 'ISMS-P-005', href: '/documents/isms-p-005/' },
			{ label: '第 1.0 版' },
		]);
		// The /v<version>/ page of the version the permalink shows is the permalink page.
		expect(trail('/documents/isms-p-005/v1.1/').at(-1)).toEqual({ label: 'ISMS-P-005' });
		expect(trail('/documents/isms-p-099/')[1]).toEqual({ label: '尚未生效或已廢止', href: '/isms/documents/#not-in-force' });
	});

	it('puts SoA versions and comparisons under /soa/, help pages under 使用說明; top-level pages have none', () => {
		expect(trail('/soa/v1.2/')).toEqual([{ label: '適用性聲明書', href: '/isms/soa/' }, { label: '第 1.2 版' }]);
		expect(trail('/soa/compare/v1.2-v2.0/').at(-1)).toEqual({ label: '第 1.2 版與第 2.0 版比較' });
		expect(trail('/help/authoring/', '文件撰寫說明')).toEqual([{ label: '使用說明', href: '/isms/help/' }, { label: '文件撰寫說明' }]);
		for (const path of ['/', '/documents/', '/soa/', '/help/', '/reviews/', '/documents/isms-x-404/'])
			expect(trail(path), path).toEqual([]);
	});
});

describe('pageTitle', () => {
	it('names the site once on the home page', () => {
		expect(pageTitle('資安文件入口網', '資安文件入口網')).toBe('資安文件入口網');
		expect(pageTitle('文件一覽表', '資安文件入口網')).toBe('文件一覽表 | 資安文件入口網');
	});
});

describe('sidebarSection', () => {
	const links = ['/', '/documents/', '/soa/', '/reviews/', '/help/', '/help/authoring/'];
	it('is the longest link containing the page, when the page has no link of its own', () => {
		expect(sidebarSection('/documents/isms-p-005/v1.0/', links)).toBe('/documents/');
		expect(sidebarSection('/soa/compare/v1.2-v2.0/', links)).toBe('/soa/');
		expect(sidebarSection('/documents/', links)).toBeUndefined();
		expect(sidebarSection('/help/authoring/', links)).toBeUndefined();
		expect(sidebarSection('/search/', links)).toBeUndefined();
	});
});

describe('pathBelowBase', () => {
	it('removes the base path and ends with a slash', () => {
		expect(pathBelowBase('/isms/documents/isms-p-005/', '/isms/')).toBe('/documents/isms-p-005/');
		expect(pathBelowBase('/isms', '/isms/')).toBe('/');
		expect(pathBelowBase('/documents', undefined)).toBe('/documents/');
	});
});
