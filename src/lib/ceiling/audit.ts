import { describeHidden, type Ceiling, type HiddenReason } from './ceiling.ts';
import type { Classification } from '../documents/classification.ts';
import { squeeze, TextMatcher } from './text-match.ts';
import { documentPath, versionPath } from '../site/urls.ts';

/**
 * The build's audit of its own output (README, Document control): after the pages and the search
 * index are written, every output file is searched for what this build must not publish — the
 * titles, page paths and distinctive sentences of every document and version above the ceiling or
 * not published (drafts outside a preview build). The canaries are made here from the analysis; the
 * file walking (gzip, zip) is node code (src/node/audit.ts).
 */
export interface Canary {
	/** The text searched for, spaces removed (see `normalizeOutput`). */
	text: string;
	kind: 'title' | 'path' | 'text';
	docNo: string;
	/** The hidden version it comes from, when not the whole document. */
	version?: string;
	reason: HiddenReason;
}

/** A hidden sentence (between 。，；： …) is a canary from this many characters on, spaces aside. */
export const MIN_CANARY_TEXT = 12;

export interface UnpublishedVersion {
	docNo: string;
	version: string;
	/** Its text blocks and 修訂說明, as written. */
	texts: readonly string[];
}

/**
 * Every canary of a build.
 * @param unpublished the versions this build does not publish, with their text
 * @param published everything the build publishes from its data (the published text blocks and the
 *   serialised page model: titles, 修訂說明, SoA, catalogue): a sentence found there is not distinctive
 */
export function auditCanaries(ceiling: Ceiling, unpublished: readonly UnpublishedVersion[], published: readonly string[]): Canary[] {
	const canaries = new Map<string, Canary>();
	const add = (canary: Canary) => {
		if (canary.text.length >= 2 && !canaries.has(canary.text)) canaries.set(canary.text, canary);
	};
	const reasonOf = (docNo: string, version?: string): HiddenReason =>
		ceiling.hiddenDocuments.get(docNo) ?? (version ? ceiling.hiddenVersions.get(docNo)?.get(version) : undefined) ?? 'unpublished';

	for (const [docNo, reason] of ceiling.hiddenDocuments) add({ text: documentPath(docNo), kind: 'path', docNo, reason });
	for (const [docNo, versions] of ceiling.hiddenVersions) {
		for (const [version, reason] of versions) add({ text: versionPath(docNo, version), kind: 'path', docNo, version, reason });
	}
	for (const secret of ceiling.secretTitles)
		add({ text: squeeze(secret.title), kind: 'title', docNo: secret.docNo, reason: secret.reason });

	// The rest only counts when the published data does not say the same: the number with a short
	// hidden title, and the sentences of hidden texts.
	const candidates: Canary[] = [];
	for (const [docNo, titles] of ceiling.hiddenTitles) {
		for (const title of titles) candidates.push({ text: squeeze(`${docNo}${title}`), kind: 'title', docNo, reason: reasonOf(docNo) });
	}
	for (const version of unpublished) {
		const reason = reasonOf(version.docNo, version.version);
		const whole = ceiling.hiddenDocuments.has(version.docNo);
		for (const sentence of version.texts.flatMap(sentences)) {
			candidates.push({ text: sentence, kind: 'text', docNo: version.docNo, ...(whole ? {} : { version: version.version }), reason });
		}
	}
	const unique = [...new Map(candidates.filter((c) => !canaries.has(c.text)).map((c) => [c.text, c])).values()];
	const matcher = new TextMatcher(unique.map((c) => c.text));
	const seen = new Set<number>();
	for (const text of published) for (const match of matcher.findAll(squeeze(text))) seen.add(match.pattern);
	unique.forEach((canary, index) => {
		if (!seen.has(index)) add(canary);
	});
	return [...canaries.values()];
}

/** Sentences of a text, clause numbers and spaces removed, long enough to be distinctive. */
export function sentences(text: string): string[] {
	return text
		.split(/[。；;！？!?，,：:|\n]+/u)
		.map((part) => squeeze(part.replace(/^\s*(?:[-*]\s+)?\d+(?:\.\d+)*\.?\s*/u, '')))
		.filter((part) => part.length >= MIN_CANARY_TEXT);
}

/** Escapes an output file may carry text in: HTML entities, JSON `\u` escapes, URL %-escapes. */
const ESCAPES = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos|nbsp));|\\u([0-9a-fA-F]{4})|\\([/"\\])|(?:%[0-9A-Fa-f]{2})+/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function unescape(token: string, hex?: string, dec?: string, named?: string, unicode?: string, json?: string): string {
	if (hex) return safeCodePoint(Number.parseInt(hex, 16));
	if (dec) return safeCodePoint(Number.parseInt(dec, 10));
	if (named) return NAMED[named.toLowerCase()] ?? token;
	if (unicode) return String.fromCharCode(Number.parseInt(unicode, 16));
	if (json) return json;
	try {
		return decodeURIComponent(token);
	} catch {
		return token;
	}
}

function safeCodePoint(code: number): string {
	return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/** An output file's text with its escapes decoded: what a reader (or a script) of it gets. */
export function decodeOutput(text: string): string {
	return text.replace(ESCAPES, unescape);
}

export interface Finding {
	/** Output file, relative to the output folder (`soa.xlsx!/xl/sharedStrings.xml` inside a zip). */
	file: string;
	line: number;
	column: number;
	canary: Canary;
}

/**
 * The canaries of one file's text, each once, at the line and column of its first occurrence:
 * escapes decoded, spaces ignored, and in markup (HTML, XML) tags inside an occurrence ignored too
 * (a sentence split by <strong> or <a> is found whole; a title in an attribute is found as well).
 */
export function findCanaries(file: string, text: string, markup: boolean, canaries: readonly Canary[], matcher: TextMatcher): Finding[] {
	const decoded = decodeOutput(text);
	const first = new Map<number, number>();
	for (const match of matcher.findAllLoose(decoded, markup)) if (!first.has(match.pattern)) first.set(match.pattern, match.index);
	const found = [...first].map(([pattern, index]) => ({ canary: canaries[pattern]!, index }));
	// 「ISMS-S-004 機房管制作業說明」 is one finding, not also one for the title inside it.
	return found
		.filter(
			({ canary }) => !found.some((other) => other.canary.text.length > canary.text.length && other.canary.text.includes(canary.text)),
		)
		.map(({ canary, index }) => {
			const lines = decoded.slice(0, index).split('\n');
			return { file, line: lines.length, column: lines.at(-1)!.length + 1, canary };
		});
}

/** One line per finding, in the portal's problem format: the file, what leaked, from which document. */
export function formatFinding(finding: Finding, outDir: string, level: Classification): string {
	const { canary } = finding;
	const what =
		canary.kind === 'title'
			? `名稱「${canary.text}」`
			: canary.kind === 'path'
				? `網址「${canary.text}」`
				: `內文「${excerpt(canary.text)}」`;
	const whose = canary.version
		? `${canary.docNo} 第 ${canary.version} 版（${describeHidden(canary.reason, level)}）`
		: `${canary.docNo}（${describeHidden(canary.reason, level)}）`;
	return `${outDir}/${finding.file}:${finding.line}:${finding.column}  error  audit/leak  輸出檔含有不得發布的${whose}的${what}`;
}

function excerpt(text: string): string {
	const chars = [...text];
	return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text;
}
