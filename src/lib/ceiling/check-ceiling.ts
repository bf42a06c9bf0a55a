import { describeHidden, type Ceiling } from './ceiling.ts';
import type { DocumentVersion } from '../documents/document-version.ts';
import type { Problem } from '../problems.ts';
import type { Leak } from './redact.ts';
import { documentPath } from '../site/urls.ts';

/**
 * The publication-ceiling rules, checked in every version the build publishes (superseded records
 * included: they are published too). Unlike the `ref/*` rules of check.ts they cannot be turned
 * down in astro.config.mjs: a leak is never a warning.
 * - `ref/hidden-link`: a link to a document, or a version, above the build's ceiling (a link to a
 *   draft stays `ref/broken-link`; the renderer drops either link, keeping the bare number);
 * - `ref/hidden-title`: the title of such a document written without its number.
 * (A cited title after the number is not a problem: the build removes it, leaving the number.)
 */
export const CEILING_RULES = ['ref/hidden-link', 'ref/hidden-title'] as const;

export function ceilingProblems(
	version: DocumentVersion,
	leaks: readonly Leak[],
	changesLeaks: readonly { title: string; docNo: string; reason: Leak['reason'] }[],
	ceiling: Ceiling,
): Problem[] {
	const problems: Problem[] = [];
	const hidden = (reason: Leak['reason']) => describeHidden(reason, ceiling.level);
	const titleMessage = (title: string, docNo: string, reason: Leak['reason']) =>
		`「${title}」是${hidden(reason)}的文件 ${docNo} 的名稱，不得寫在發布的文字中；請改為只寫文件編號（例如「依 ${docNo} 辦理」），建置會以編號呈現`;
	for (const leak of leaks) {
		const at = { file: version.file, line: leak.line, column: leak.column, severity: 'error' as const };
		if (leak.kind === 'title') {
			problems.push({ ...at, rule: 'ref/hidden-title', message: titleMessage(leak.title, leak.docNo, leak.reason) });
		} else if (leak.reason !== 'ceiling') {
			// A link to a draft in a build without drafts: `ref/broken-link` (check.ts) in the versions it checks.
			continue;
		} else if (leak.version) {
			problems.push({
				...at,
				rule: 'ref/hidden-link',
				message: `連結「${leak.url}」指向 ${leak.docNo} 第 ${leak.version} 版，該版次${hidden(leak.reason)}，不會發布；請改連結已發布的版次（如 ${documentPath(leak.docNo)}），或只寫文件編號 ${leak.docNo}`,
			});
		} else {
			problems.push({
				...at,
				rule: 'ref/hidden-link',
				message: `連結「${leak.url}」指向${hidden(leak.reason)}的文件 ${leak.docNo}，該頁不會發布；請刪除連結，只寫文件編號 ${leak.docNo}`,
			});
		}
	}
	const at = version.fieldPositions.changes ?? { line: 1, column: 1 };
	for (const leak of changesLeaks) {
		problems.push({
			file: version.file,
			...at,
			severity: 'error',
			rule: 'ref/hidden-title',
			message: `changes（修訂說明）中的${titleMessage(leak.title, leak.docNo, leak.reason)}`,
		});
	}
	return problems;
}
