import type { PublishedDocument } from '../documents/portal.ts';
import { TIER_LABELS } from '../documents/fields.ts';
import { docSlug } from './urls.ts';

/** One step of a breadcrumb; the last one is the page itself and has no link. */
export interface Crumb {
	label: string;
	href?: string;
}

export interface TrailInput {
	/** The page's path below the site's base (`/documents/isms-p-005/v1.0/`). */
	path: string;
	/** The page's own title (help pages). */
	title: string;
	documents: readonly Pick<PublishedDocument, 'docNo' | 'url' | 'current' | 'latest'>[];
	kinds: Record<1 | 2 | 3 | 4, string>;
	/** Site paths as links are written (below the base path). */
	here: (path: string) => string;
}

/**
 * Where a page sits (issue 18: 文件一覽表 › 第二階 程序書 › ISMS-P-005): document pages under the master
 * list and their tier group, a version under its document, SoA versions and comparisons under /soa/,
 * help pages under 使用說明. Top-level pages need none (the sidebar marks them): an empty trail.
 */
export function breadcrumbTrail({ path, title, documents, kinds, here }: TrailInput): Crumb[] {
	const doc = /^\/documents\/([^/]+)\/(?:v([^/]+)\/)?$/.exec(path);
	if (doc) {
		const found = documents.find((d) => docSlug(d.docNo) === doc[1]);
		if (!found) return [];
		const tier = found.current?.tier;
		const group: Crumb = tier
			? { label: `${TIER_LABELS[tier].replace(/文件$/, '')} ${kinds[tier]}`, href: here(`/documents/#tier-${tier}`) }
			: { label: '尚未生效或已廢止', href: here('/documents/#not-in-force') };
		const trail: Crumb[] = [{ label: '文件一覽表', href: here('/documents/') }, group];
		// The version the permalink shows is the permalink page (its /v<version>/ page is a copy of it).
		if (!doc[2] || doc[2] === found.latest.version) return [...trail, { label: found.docNo }];
		return [...trail, { label: found.docNo, href: found.url }, { label: `第 ${doc[2]} 版` }];
	}
	const soaVersion = /^\/soa\/v([^/]+)\/$/.exec(path);
	if (soaVersion) return [{ label: '適用性聲明書', href: here('/soa/') }, { label: `第 ${soaVersion[1]} 版` }];
	const comparison = /^\/soa\/compare\/v([^/]+)-v([^/]+)\/$/.exec(path);
	if (comparison) return [{ label: '適用性聲明書', href: here('/soa/') }, { label: `第 ${comparison[1]} 版與第 ${comparison[2]} 版比較` }];
	if (/^\/help\/[^/]+\/$/.test(path)) return [{ label: '使用說明', href: here('/help/') }, { label: title }];
	return [];
}

/** `<title>`: the page's title and the site's, once each (the home page is titled with the site's name). */
export function pageTitle(title: string, siteTitle: string, delimiter = '|'): string {
	return title.trim() === siteTitle.trim() ? siteTitle : `${title} ${delimiter} ${siteTitle}`;
}

/**
 * The sidebar link of the section a page belongs to, when the page itself has no link there: the longest
 * link (other than the home page) whose path the page's path starts with. `/documents/isms-p-005/` →
 * `/documents/`; `/soa/v1.2/` → `/soa/`. Undefined when a link is the page itself or none contains it.
 */
export function sidebarSection(path: string, links: readonly string[]): string | undefined {
	if (links.includes(path)) return undefined;
	const containing = links.filter((link) => link !== '/' && link.endsWith('/') && path.startsWith(link));
	return containing.sort((a, b) => b.length - a.length)[0];
}

/** The path of a page below the site's base path (`/isms/documents/` → `/documents/`). */
export function pathBelowBase(pathname: string, base: string | undefined): string {
	const prefix = !base || base === '/' ? '' : base.replace(/\/$/, '');
	const path = prefix && (pathname === prefix || pathname.startsWith(`${prefix}/`)) ? pathname.slice(prefix.length) || '/' : pathname;
	return path.endsWith('/') ? path : `${path}/`;
}
