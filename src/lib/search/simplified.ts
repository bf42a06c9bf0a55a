import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Simplified Chinese typed into the search (密码, 信息安全) is converted to Traditional as used in
 * Taiwan (密碼, 資訊安全) with OpenCC's cn → twp dictionaries (opencc-js): phrases first, then
 * characters, then Taiwanese word choices. The conversion dictionaries (~1 MB, ~400 KB gzipped) are
 * loaded only when a query has a character that exists only in Simplified script; the character tables
 * that tell (~60 KB) come with this module, itself loaded on the first query with Han characters.
 */

let simplifiedOnly: Set<string> | undefined;

/** Characters that OpenCC converts to another one and that are not Traditional characters themselves. */
function simplifiedCharacters(): Set<string> {
	if (!simplifiedOnly) {
		const traditional = new Set(TSCharacters.split('|').map((entry) => entry.split(' ')[0]!));
		simplifiedOnly = new Set();
		for (const entry of STCharacters.split('|')) {
			const [from, to] = entry.split(' ');
			if (from && to && from !== to && !traditional.has(from)) simplifiedOnly.add(from);
		}
	}
	return simplifiedOnly;
}

/** True when the text has a character written only in Simplified script (码, 资, 网). */
export function hasSimplified(text: string): boolean {
	const table = simplifiedCharacters();
	for (const char of text) if (table.has(char)) return true;
	return false;
}

let converter: Promise<(text: string) => string> | undefined;

async function loadConverter(): Promise<(text: string) => string> {
	const [{ ConverterFactory }, cn, twp] = await Promise.all([
		import('opencc-js/core'),
		import('opencc-js/from/cn'),
		import('opencc-js/to/twp'),
	]);
	return ConverterFactory(...cn.default, ...twp.default);
}

/** The text in Traditional characters and Taiwanese wording when it has Simplified characters; else unchanged. */
export async function toTraditional(text: string): Promise<string> {
	if (!hasSimplified(text)) return text;
	converter ??= loadConverter();
	return (await converter)(text);
}
