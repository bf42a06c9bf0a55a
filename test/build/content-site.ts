import { buildFixture, type BuildResult } from './build.ts';

/** The site's URL of the publishing build of the real content (printed copies, phone and accessibility tests). */
export const SITE = 'https://isms.example.tw';

/**
 * The real content/ as of 2026-11-25, built as for publishing (with its site URL): one build shared by
 * the test files of a run that look at every kind of page (print, phone layout, accessibility, orientation).
 */
export function contentSite(): BuildResult {
	const site = buildFixture(
		'content',
		{ PORTAL_DOCUMENTS_DIR: 'content/documents', PORTAL_SOA_DIR: 'content/soa', PORTAL_TODAY: '2026-11-25', PORTAL_SITE_URL: SITE },
		'content-site',
	);
	if (site.status !== 0) throw new Error(`the real content does not build:\n${site.stderr}`);
	return site;
}

/** Every kind of page staff open, with what to wait for where the browser fills the page in. */
export const ROUTE_KINDS: { path: string; ready?: string }[] = [
	{ path: '/' },
	{ path: '/documents/' },
	{ path: '/documents/isms-m-001/' },
	{ path: '/documents/isms-p-005/' },
	{ path: '/documents/isms-p-005/v1.0/' },
	{ path: '/diff/?doc=ISMS-P-005&from=1.0&to=1.1', ready: '.diff-row' },
	{ path: '/as-of/', ready: '[data-as-of-table] tbody tr' },
	{ path: '/as-of/?date=garbage', ready: '[data-as-of-message]:not([hidden])' },
	{ path: '/soa/' },
	{ path: '/soa/v1.2/' },
	{ path: '/soa/compare/v1.2-v2.0/' },
	{ path: '/reviews/' },
	{ path: '/search/?q=通行碼', ready: 'main .portal-search__hit' },
	{ path: '/help/' },
	{ path: '/help/authoring/' },
	{ path: '/no-such-page/' },
];
