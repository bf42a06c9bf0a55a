/** Stable URLs staff bookmark and print (AUTHORING.md, Routes). */
export function docSlug(docNo: string): string {
	return docNo.toLowerCase();
}

/** `/documents/isms-m-001/`: always the current version. */
export function documentPath(docNo: string): string {
	return `/documents/${docSlug(docNo)}/`;
}

/** `/documents/isms-m-001/v1.0/`: that version, permanently. */
export function versionPath(docNo: string, version: string): string {
	return `${documentPath(docNo)}v${version}/`;
}

/** `/documents/isms-m-001/#sec-6-4-3` */
export function clausePath(docNo: string, clause: string): string {
	return `${documentPath(docNo)}#${clauseAnchor(clause)}`;
}

/** `6.4.3` → `sec-6-4-3` (dots become dashes). */
export function clauseAnchor(clause: string): string {
	return `sec-${clause.split('.').filter(Boolean).join('-')}`;
}

/** `/documents/isms-m-001/versions.json`: every published version of a document with its text, for the diff page. */
export function versionsDataPath(docNo: string): string {
	return `${documentPath(docNo)}versions.json`;
}

/**
 * `/diff/?doc=ISMS-M-001&from=1.0&to=1.1`: what changed from one version to another (older first).
 * One page for every pair; it reads the pair from its query and compares them in the browser.
 */
export function diffPath(docNo: string, from: string, to: string): string {
	return `/diff/?${new URLSearchParams({ doc: docNo, from, to })}`;
}

/** `A.9.2.1` → `control-a-9-2-1`: the control's row on the SoA page. */
export function controlAnchor(id: string): string {
	return `control-${id.toLowerCase().split('.').join('-')}`;
}

/** `/soa/#control-a-9-2-1` */
export function controlPath(id: string): string {
	return `/soa/#${controlAnchor(id)}`;
}

/**
 * A site path (`/documents/`) under the site's base path (`/isms/` on a GitHub Pages project site,
 * `/` on the intranet). Every link the portal writes goes through here.
 */
export function withBase(base: string | undefined, path: string): string {
	if (!base || base === '/' || !path.startsWith('/') || path.startsWith('//')) return path;
	const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
	return path === prefix || path.startsWith(`${prefix}/`) ? path : `${prefix}${path}`;
}
