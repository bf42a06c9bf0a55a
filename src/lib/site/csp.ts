import { shown } from '../body/html-allowlist.ts';

/**
 * The portal's Content Security Policy. Every page carries it in a `<meta http-equiv>` written by
 * Astro (`security.csp` in astro.config.mjs): `script-src` and `style-src` list the SHA-256 hash of
 * every inline script and style the page may run, so no `'unsafe-inline'` for scripts; an injected
 * script has no listed hash and does not run. The web server adds the directives a `<meta>` cannot
 * carry (README, "Publishing on the intranet"); both policies apply to every page.
 */

/** Directives of the page policy besides script-src and style-src (Astro writes those). */
export const PAGE_DIRECTIVES = [
	"default-src 'self'",
	"img-src 'self' data:",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
] as const;

/** script-src besides the hashes: the site's own files, and WebAssembly for Pagefind's search. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * The bodies of the `<script is:inline>` elements of an Astro component's source: Astro writes them
 * into pages byte for byte and does not hash them itself (withastro/astro#16664), so the portal
 * hashes them from the source (Starlight's theme and sidebar scripts). Data blocks
 * (`type="application/json"`) do not run and are left out; a script whose body is an expression
 * (`set:html`, `define:vars`) cannot be hashed from its source and is refused by the page audit.
 */
export function inlineScriptBodies(source: string): string[] {
	const bodies: string[] = [];
	for (const match of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		const attributes = match[1]!;
		if (!/\bis:inline\b/.test(attributes)) continue;
		if (/\b(?:set:html|set:text|define:vars)\b/.test(attributes)) continue;
		const type = /\btype\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
		if (type !== undefined && !isScriptType(type)) continue;
		bodies.push(match[2]!);
	}
	return bodies;
}

/** Whether a `<script type>` runs as script (classic or module), rather than being a data block. */
export function isScriptType(type: string | undefined): boolean {
	if (type === undefined) return true;
	const t = type.trim().toLowerCase();
	return t === '' || t === 'module' || t === 'text/javascript' || t === 'application/javascript';
}

export interface PageAudit {
	/** The page with its policy moved to the top of `<head>` (right after the charset), so it covers the whole page. */
	html: string;
	/** What would break or run against the policy, in Traditional Chinese; empty when the page is sound. */
	faults: string[];
}

/** A comment, a raw-text element (script, style) with its content, or any other start tag; values in quotes. */
const TOKENS =
	/<!--[\s\S]*?-->|<(script|style)(?=[\s/>])([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>([\s\S]*?)<\/\1\s*>|<([a-zA-Z][^\s/>]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>/gi;
const ATTRIBUTES = /\s([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;
const META = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;

/**
 * Checks a built page against its own policy: it has one; every inline script and style is listed
 * by hash; no element carries an event-handler attribute. Then moves the policy to the top of
 * `<head>`: a `<meta>` policy governs only what follows it, and Astro writes it at the end of the head.
 * `hash` is SHA-256 in CSP form (`sha256-…`).
 */
export function auditPage(html: string, hash: (text: string) => string): PageAudit {
	const faults: string[] = [];
	const meta = META.exec(html);
	if (!meta) return { html, faults: ['頁面沒有內容安全政策（content-security-policy meta）'] };
	const policy = parsePolicy(
		meta[1]!
			.replace(/&#39;/g, "'")
			.replace(/&quot;/g, '"')
			.replace(/&amp;/g, '&'),
	);
	const scriptHashes = new Set(policy.get('script-src-elem') ?? policy.get('script-src') ?? []);
	const styleHashes = new Set(policy.get('style-src-elem') ?? policy.get('style-src') ?? []);
	if (!scriptHashes.has("'self'") || [...scriptHashes].some((s) => s === "'unsafe-inline'"))
		faults.push(`script-src 不符預期：${[...scriptHashes].filter((s) => !s.startsWith("'sha")).join(' ')}`);

	// One pass, left to right, whole tags at a time (a quoted attribute value may hold "<script>" as text).
	for (const token of html.matchAll(TOKENS)) {
		const [, rawTag, rawAttributes, body, tag, attributes] = token;
		if (rawTag) {
			if (rawTag.toLowerCase() === 'style') {
				if (!styleHashes.has(`'${hash(body!)}'`)) faults.push(`內嵌樣式的雜湊值不在 style-src 中：${excerpt(body!)}`);
			} else {
				const type = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(rawAttributes!);
				const runs = !/\ssrc\s*=/i.test(rawAttributes!) && isScriptType(type ? (type[1] ?? type[2] ?? type[3]) : undefined);
				if (runs && !scriptHashes.has(`'${hash(body!)}'`)) faults.push(`內嵌程式碼的雜湊值不在 script-src 中：${excerpt(body!)}`);
			}
		}
		const list = rawAttributes ?? attributes ?? '';
		if (!/\son/i.test(list)) continue;
		for (const attribute of list.matchAll(ATTRIBUTES)) {
			if (/^on/i.test(attribute[1]!)) faults.push(`<${rawTag ?? tag}> 帶有事件處理屬性 ${attribute[1]}`);
		}
	}

	const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
	if (!charset || charset.index > meta.index) return { html, faults };
	const without = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
	const at = charset.index + charset[0].length;
	return { html: without.slice(0, at) + meta[0] + without.slice(at), faults };
}

/** `a x y; b z` → { a: [x, y], b: [z] } */
export function parsePolicy(policy: string): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
	}
	return directives;
}

function excerpt(text: string): string {
	return shown(text.replace(/\s+/g, ' ').trim());
}
