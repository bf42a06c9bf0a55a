import { Scalar, parseDocument } from 'yaml';
import type { DocumentVersion } from './document-version.ts';
import { isIsoDate } from './dates.ts';
import { versionInForce } from './resolve.ts';
import { compareVersions, isVersion } from './version.ts';

export interface NewVersionRequest {
	docNo: string;
	version: string;
	/** YYYY-MM-DD */
	effective: string;
	/** The date the copy is made (to choose the version in force). */
	today: string;
	/** Documents folder relative to the project root. */
	documentsDir: string;
}

export type NewVersionPlan = { ok: true; path: string; source: DocumentVersion; content: string } | { ok: false; message: string };

/**
 * Plans `npm run new-version -- <DOCNO> <VERSION>`: a copy of the version in force with the new
 * version, effective date and an empty 修訂說明 for the author to fill in (the build refuses an
 * empty one, so it cannot be forgotten). Refuses anything that would overwrite or go backwards.
 */
export function planNewVersion(
	request: NewVersionRequest,
	versions: readonly DocumentVersion[],
	readSource: (file: string) => string,
	exists: (path: string) => boolean,
): NewVersionPlan {
	const { docNo, version, effective } = request;
	if (!isVersion(version)) return { ok: false, message: `版次「${version}」格式不正確；應為「主版.次版」，例如 1.1 或 2.0` };
	if (!isIsoDate(effective)) return { ok: false, message: `生效日期「${effective}」不是 YYYY-MM-DD 格式的實際日期` };
	const own = versions.filter((v) => v.docNo === docNo);
	if (own.length === 0) {
		return {
			ok: false,
			message: `找不到文件 ${docNo}：${request.documentsDir}/${docNo}/ 中沒有任何版次。新文件請直接建立 ${request.documentsDir}/${docNo}/1.0.mdx`,
		};
	}
	const path = `${request.documentsDir}/${docNo}/${version}.mdx`;
	if (exists(path)) return { ok: false, message: `${path} 已存在，不會覆寫；若要修改該版次請直接編輯檔案，或改用更高的版次` };
	// Version order must follow effective-date order (the same rule the build checks).
	for (const other of own) {
		const order = compareVersions(other.version, version);
		if (order === 0) return { ok: false, message: `第 ${version} 版已存在（${other.file}），不會覆寫` };
		// Drafts carry no binding date (the build's order check leaves them out too).
		if (other.status === 'draft') continue;
		if (order < 0 && other.effective > effective) {
			return { ok: false, message: `生效日期 ${effective} 早於較舊的第 ${other.version} 版（${other.effective}）；新版次不可較早生效` };
		}
		if (order > 0 && other.effective < effective) {
			return {
				ok: false,
				message: `生效日期 ${effective} 晚於較新的第 ${other.version} 版（${other.effective}）；請改用高於 ${other.version} 的版次`,
			};
		}
	}
	const highest = own.reduce((a, b) => (compareVersions(a.version, b.version) >= 0 ? a : b));
	const source = versionInForce(own, request.today) ?? highest;

	const text = readSource(source.file);
	const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
	if (!match) return { ok: false, message: `${source.file} 沒有可讀的 frontmatter` };
	const doc = parseDocument(match[1]!);
	const quoted = new Scalar(version);
	quoted.type = Scalar.QUOTE_DOUBLE;
	doc.set('version', quoted);
	doc.set('effective', effective);
	doc.set('changes', '');
	for (const key of ['status', 'lastReviewed']) doc.delete(key);
	const frontmatter = doc.toString().trimEnd();
	return { ok: true, path, source, content: `---\n${frontmatter}\n---${match[2]}${text.slice(match[0].length)}` };
}
