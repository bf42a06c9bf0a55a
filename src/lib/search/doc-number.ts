/**
 * Document numbers and versions as staff write them: ISMS-P-005, isms-p-005, P-005, P005, p005,
 * ISMS P 005, ＩＳＭＳ－Ｐ－００５ (after width folding), optionally followed by a version:
 * `ISMS-P-005 1.0`, `ISMS-P-005 v1.0`, `P-005 第1.0版`, `P005 1.0版`.
 */

export interface DocReference {
	/** The known document numbers this mention names (canonical spelling); usually one. */
	docNos: string[];
	/** `MAJOR.MINOR` when a version follows the number. */
	version?: string;
	/** Where the mention (number and version) is in the text: [start, end). */
	start: number;
	end: number;
}

/** A letters-or-digits run of a document number or query: ISMS-P-005 → ISMS, P, 005. */
interface Part {
	text: string;
	start: number;
	end: number;
}

const PART = /[A-Za-z]+|\d+/g;
/** What may separate the parts of one number: hyphens, dashes, underscores, spaces. */
const JOINER = /^[\s\-_‐-―−]*$/u;

function partsOf(text: string): Part[] {
	return [...text.matchAll(PART)].map((m) => ({ text: m[0].toUpperCase(), start: m.index, end: m.index + m[0].length }));
}

const samePart = (a: string, b: string) => (/^\d/.test(a) && /^\d/.test(b) ? Number(a) === Number(b) : a === b);

/** A version written after a number: ` 1.0`, ` v1.0`, ` 第1.0版`, ` 1.0版`, ` 版次1.0`, ` 第1版` (= 1.0). */
const VERSION_AFTER =
	/^[\s\-_]*(?:第\s*|v(?:er(?:sion)?)?\.?\s*|版次\s*|版本\s*)?(\d{1,3})(?:\.(\d{1,3}))?(?:\s*版)?(?![\d.])(?!\s*[節條點款項章])/i;

/**
 * Every mention of a known document number in `text` (already width-folded), with the version that
 * follows it. A mention may leave out leading parts (P-005 for ISMS-P-005) but keeps at least a
 * letter part and a number part; numbers compare by value (P-5 is P-005).
 */
export function findDocReferences(text: string, known: readonly string[]): DocReference[] {
	if (known.length === 0) return [];
	const parts = partsOf(text);
	const numbers = known.map((docNo) => ({
		docNo,
		parts: partsOf(docNo).map((p) => p.text),
		compact: docNo.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
	}));
	const found: DocReference[] = [];
	for (let i = 0; i < parts.length; i++) {
		// Parts of one mention are adjacent or separated only by joiners, and the mention starts a word.
		if (/[A-Za-z0-9]/.test(text[parts[i]!.start - 1] ?? '')) continue;
		let best: { docNos: string[]; end: number } | undefined;
		for (let j = i; j < parts.length && j - i < 6; j++) {
			if (j > i && !JOINER.test(text.slice(parts[j - 1]!.end, parts[j]!.start))) break;
			const run = parts.slice(i, j + 1).map((p) => p.text);
			const matches = numbers.filter(({ parts: own, compact }) => {
				if (run.length >= 2 && run.length <= own.length) {
					const tail = own.slice(own.length - run.length);
					if (tail.every((part, k) => samePart(part, run[k]!)) && tail.some((p) => /^\d/.test(p)) && tail.some((p) => /^[A-Z]/.test(p)))
						return true;
				}
				return run.join('') === compact;
			});
			if (matches.length) best = { docNos: matches.map((m) => m.docNo), end: parts[j]!.end };
		}
		if (!best) continue;
		// The mention must end a word (P-0050 is not P-005).
		if (/[A-Za-z0-9]/.test(text[best.end] ?? '')) continue;
		const reference: DocReference = { docNos: best.docNos, start: parts[i]!.start, end: best.end };
		const version = VERSION_AFTER.exec(text.slice(best.end));
		// A bare number is a version only with a dot or a mark (1.0, v1, 第1版): `P-005 2` is not.
		if (version && (version[2] !== undefined || /第|v|版/i.test(version[0]))) {
			reference.version = `${Number(version[1])}.${version[2] === undefined ? 0 : Number(version[2])}`;
			reference.end = best.end + version[0].length;
		}
		found.push(reference);
		while (i + 1 < parts.length && parts[i + 1]!.start < reference.end) i++;
	}
	return found;
}

/** True when the text may name a document: a letter and a digit in it (cheap test before asking the index). */
export function mayNameDocument(text: string): boolean {
	return /[A-Za-z]/.test(text) && /\d/.test(text);
}
