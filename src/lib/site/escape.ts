/**
 * Document data (titles, 修訂說明, owners, SoA cells) escaped for each context it is written into.
 * HTML text and attributes are Astro's (`{value}` escapes); these are the contexts Astro does not know.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML that Astro does not escape: content handed to `set:html`, such as a Starlight head
 * entry (`{ tag: 'title', content }`, rendered raw), or an excerpt built as HTML.
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Characters that end or confuse a `<script>` block, or a JavaScript string, when JSON sits in HTML. */
const SCRIPT_UNSAFE: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/json">` element (`set:html`): the same data as JSON.stringify,
 * with `<`, `>`, `&`, U+2028 and U+2029 written as \u escapes, so no value can close the element
 * (`</script>`), open a comment (`<!--`) or start markup, and `JSON.parse(element.textContent)`
 * returns the value unchanged.
 */
export function jsonForScript(value: unknown): string {
	const json = JSON.stringify(value);
	if (json === undefined) throw new TypeError('jsonForScript: the value has no JSON form');
	return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c]!);
}

/**
 * A CSS string literal for a `<style>` element: every ASCII character but letters, digits and the
 * space, every control and line separator, written as a CSS hex escape (`\3c `), so a value can neither
 * end the string (quotes, backslash, line breaks) nor the element (`</style>`), nor be read as markup.
 * Other characters (Chinese text) are kept as they are. CSS shows the same text.
 */
export function cssString(value: string): string {
	let out = '"';
	for (const char of value) {
		const code = char.codePointAt(0)!;
		const plain = /^[A-Za-z0-9 ]$/.test(char) || (code > 0xff && code !== 0x2028 && code !== 0x2029);
		out += plain ? char : `\\${code.toString(16)} `;
	}
	return `${out}"`;
}
