import { describe, expect, it } from 'vitest';
import { auditPage, inlineScriptBodies, parsePolicy } from '../../../src/lib/site/csp.ts';
import { cachedCspHash, cspHash, portalCsp } from '../../../src/node/csp.ts';
import { PROJECT_ROOT } from '../_helpers.ts';
import { flatText, liveHeap } from '../_heap.ts';

const THEME = "\n\twindow.theme = 'dark';\n";
const STYLE = '@page { size: A4; }';

/** A page as Astro writes it: the policy at the end of the head. */
function page(
	body: string,
	policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${cspHash(THEME)}'; style-src 'self' '${cspHash(STYLE)}'; style-src-attr 'unsafe-inline';`,
): string {
	return `<!DOCTYPE html><html lang="zh-TW"><head><meta charset="utf-8"/><title>t</title><script>${THEME}</script><style>${STYLE}</style><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
}

describe('auditPage', () => {
	it('accepts a page whose inline scripts and styles are all hashed, and moves the policy right after the charset', () => {
		const html = page(
			'<p data-title="</title><script>alert(1)</script> onerror=x">a</p><script type="module" src="/_astro/a.js"></script><script type="application/json" id="d">{"a":"\\u003c"}</script>',
		);
		const audit = auditPage(html, cspHash);
		expect(audit.faults).toEqual([]);
		expect(audit.html).toMatch(
			/^<!DOCTYPE html><html lang="zh-TW"><head><meta charset="utf-8"\/><meta http-equiv="content-security-policy" content="default-src 'self'; script-src [^"]*"><title>t<\/title><script>/,
		);
		expect(audit.html.length).toBe(html.length);
		expect(auditPage(audit.html, cspHash).html).toBe(audit.html);
	});

	it('reports an inline script or style without its hash, and event-handler attributes', () => {
		const audit = auditPage(
			page(
				`<script>alert('injected')</script><style>body{display:none}</style><img src="a.png" onerror="alert(1)"><div ONCLICK='x()'>b</div>`,
			),
			cspHash,
		);
		expect(audit.faults).toEqual([
			"內嵌程式碼的雜湊值不在 script-src 中：alert('injected')",
			'內嵌樣式的雜湊值不在 style-src 中：body{display:none}',
			'<img> 帶有事件處理屬性 onerror',
			'<div> 帶有事件處理屬性 ONCLICK',
		]);
	});

	it('reports a page without a policy, and a policy that allows any inline script', () => {
		expect(auditPage('<html><head><meta charset="utf-8"/></head><body></body></html>', cspHash).faults).toEqual([
			'頁面沒有內容安全政策（content-security-policy meta）',
		]);
		expect(auditPage(page('', "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'"), cspHash).faults[0]).toBe(
			"script-src 不符預期：'self' 'unsafe-inline'",
		);
	});
});

describe('inlineScriptBodies', () => {
	it('finds the is:inline scripts that run, not data blocks, bundled scripts or expressions', () => {
		const source = `---\n---\n<script is:inline>a()</script>\n<script is:inline type="module">b()</script>\n<script>bundled()</script>\n<script is:inline type="application/json" set:html={x} />\n<script is:inline type="application/ld+json">{}</script>\n<script is:inline define:vars={{ v }}>c(v)</script>`;
		expect(inlineScriptBodies(source)).toEqual(['a()', 'b()']);
	});
});

describe('portalCsp', () => {
	it('lists the hash of each inline script of Starlight’s components, and the page directives', () => {
		const csp = portalCsp(PROJECT_ROOT);
		expect(csp.scriptDirective.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(csp.scriptDirective.hashes.length).toBeGreaterThanOrEqual(4);
		expect(csp.scriptDirective.hashes.every((hash) => /^sha256-[A-Za-z0-9+/]{43}=$/.test(hash))).toBe(true);
		expect(csp.directives).toContain("default-src 'self'");
		expect(JSON.stringify(csp)).not.toMatch(/script[^"]*unsafe-inline/);
	});

	it('parsePolicy reads directives by name', () => {
		expect(parsePolicy("default-src 'self'; script-src 'self' 'sha256-a';").get('script-src')).toEqual(["'self'", "'sha256-a'"]);
	});
});

describe('cachedCspHash', () => {
	it('hashes as cspHash does, and keeps no page alive through the bodies it has seen', () => {
		const hash = cachedCspHash();
		expect(hash(STYLE)).toBe(cspHash(STYLE));
		expect(hash(STYLE)).toBe(cspHash(STYLE));
		const before = liveHeap();
		// 40 pages of 900 kB, each with a body of its own (as each document page has its print style): a cache keyed by
		// the body, a slice of the page, would keep 36 MB of pages.
		for (let i = 0; i < 40; i++) {
			const page = flatText(900_000, `<style>@page { page ${i}; }</style>`);
			const body = page.slice(7, 7 + 20 + String(i).length);
			expect(hash(body)).toBe(cspHash(body));
		}
		expect(liveHeap() - before).toBeLessThan(8_000_000);
	});
});
