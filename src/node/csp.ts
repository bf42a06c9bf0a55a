import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditPage, inlineScriptBodies, PAGE_DIRECTIVES, SCRIPT_SOURCES } from '../lib/site/csp.ts';

/** SHA-256 of a script or style body, in CSP form (`sha256-…`), as Astro computes it. */
export function cspHash(text: string): string {
	return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Every `.astro` file below a folder. */
function astroFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.astro'))
		.map((file) => join(dir, file));
}

/**
 * The `security.csp` setting of astro.config.mjs. Astro hashes the scripts and styles it bundles or
 * inlines; the `<script is:inline>` bodies of Starlight's components (theme before first paint,
 * sidebar state) and of the portal's own are hashed here from their source, which Astro copies into
 * pages unchanged. The per-page print style is hashed by the document page itself (Astro.csp).
 * Inline `style=""` attributes (Starlight's icons and selects) are allowed by `style-src-attr`; inline
 * event handlers are not.
 */
export function portalCsp(root: string) {
	const starlight = dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight')));
	const hashes = new Set<string>();
	for (const file of [...astroFiles(starlight), ...astroFiles(join(root, 'src'))]) {
		for (const body of inlineScriptBodies(readFileSync(file, 'utf8'))) hashes.add(cspHash(body));
	}
	return {
		algorithm: 'SHA-256' as const,
		directives: [...PAGE_DIRECTIVES],
		scriptDirective: { resources: [...SCRIPT_SOURCES], hashes: [...hashes].sort() as `sha256-${string}`[] },
		styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' as const }] },
	};
}

/**
 * `cspHash` with a cache: the same inline scripts and styles are on thousands of pages. A body is a slice of
 * its page's HTML, and V8 keeps the whole string a slice was cut from alive; the cache keeps a copy, or each
 * page with a body of its own (the print style) would stay in memory until the audit ends (~500 MB of heap at
 * 1,600 documents, the build's peak).
 */
export function cachedCspHash(): (text: string) => string {
	const cache = new Map<string, string>();
	return (text) => {
		let digest = cache.get(text);
		if (digest === undefined) cache.set(Buffer.from(text, 'utf8').toString('utf8'), (digest = cspHash(text)));
		return digest;
	};
}

/**
 * Audits every built page against its own policy (src/lib/site/csp.ts `auditPage`) and moves the policy
 * to the top of each page's head. Returns one line per fault, naming the page; the build stops on any.
 * `visit` sees each page as read (its path below `outDir`, with `/`), for what else the build learns from
 * its pages while they are read once.
 */
export function auditBuiltPages(outDir: string, visit?: (file: string, html: string) => void): string[] {
	const hash = cachedCspHash();
	const lines: string[] = [];
	for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.html')) continue;
		const path = join(outDir, file);
		const html = readFileSync(path, 'utf8');
		visit?.(file.split(sep).join('/'), html);
		const audit = auditPage(html, hash);
		const page = relative(process.cwd(), path).split(sep).join('/');
		for (const fault of audit.faults) lines.push(`${page}:1:1  error  csp/page  ${fault}`);
		if (audit.html !== html) writeFileSync(path, audit.html);
	}
	return lines;
}
