/**
 * The build to publish: a folder (`dist/`) holding the record `.portal-build.json` that only a build which
 * passed every check leaves behind, stating its ceiling and whether it holds drafts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateBuildRecord } from '../../lib/publish/audience.ts';
import { BUILD_MARKER, type BuildRecord } from '../../lib/publish/build-record.ts';
import { PublishError } from '../../lib/publish/releases.ts';

/** The build output folder when `--source` is not given: PORTAL_OUT_DIR (as `npm run build` uses it) or `dist`. */
export function defaultSource(env: Record<string, string | undefined>): string {
	return env.PORTAL_OUT_DIR || 'dist';
}

/** The build record of `source`, or a refusal when the folder is not a complete, passed build. */
export function readBuildRecord(source: string): { record: BuildRecord; text: string } {
	if (!existsSync(source) || !statSync(source).isDirectory()) {
		throw new PublishError(`找不到建置輸出資料夾 ${source}；請先執行 npm run build。`);
	}
	const markerPath = join(source, BUILD_MARKER);
	if (!existsSync(markerPath)) {
		throw new PublishError(`${source} 沒有建置紀錄 ${BUILD_MARKER}：建置未完成或未通過檢查，不發布。請執行 npm run build 並修正所有錯誤。`);
	}
	const text = readFileSync(markerPath, 'utf8');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new PublishError(`${markerPath} 不是有效的 JSON，不發布。請重新執行 npm run build。`);
	}
	return { record: validateBuildRecord(value, markerPath), text };
}

/** A build that started during the copy removes or rewrites the record: the copy is then not one build. */
export function checkUnchanged(source: string, text: string, copy: string): void {
	const now = existsSync(join(source, BUILD_MARKER)) ? readFileSync(join(source, BUILD_MARKER), 'utf8') : null;
	const copied = existsSync(join(copy, BUILD_MARKER)) ? readFileSync(join(copy, BUILD_MARKER), 'utf8') : null;
	if (now !== text || copied !== text) {
		throw new PublishError(`建置輸出 ${source} 在複製期間被變更（是否有建置正在執行？）`);
	}
}
