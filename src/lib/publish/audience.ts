/**
 * Who may read what a publication puts on a web server (pure rules of `npm run publish`).
 *
 * A build's record states its publication ceiling and whether it holds drafts; a publication target is set
 * up for an audience (the highest classification its readers are cleared for) and, for a preview site,
 * for drafts. A build is installed only where its ceiling is within the audience and, if it holds drafts,
 * only on a preview target. A target's setup is recorded in the target on its first publish (TARGET_FILE)
 * and is never changed by a later publish: a different `--audience` is refused.
 */
import { BUILD_MARKER, type BuildRecord } from './build-record.ts';
import {
	CLASSIFICATION_LABELS,
	CLASSIFICATIONS,
	isWithinCeiling,
	parseClassification,
	type Classification,
} from '../documents/classification.ts';
import { PublishError } from './releases.ts';

/** The target's setup, beside `current` and `releases/` (never served: the web server serves `current`). */
export const TARGET_FILE = '.portal-target.json';
/** The audience of a target set up without `--audience`: all staff. */
export const DEFAULT_AUDIENCE: Classification = 'internal';

export interface TargetSetup {
	/** The highest classification the target's readers may see. */
	audience: Classification;
	/** A preview site: builds with drafts (PORTAL_INCLUDE_DRAFTS=1) may be installed. */
	drafts: boolean;
}

/** What the operator asked for on the command line (`--audience`, `--drafts`). */
export interface RequestedSetup {
	audience?: Classification;
	drafts?: boolean;
}

/** `內部使用（internal）` */
export function levelLabel(level: Classification): string {
	return `${CLASSIFICATION_LABELS[level]}（${level}）`;
}

/** Parses `--audience` / `--verify-audience` (English id or Chinese label); a PublishError names the choices. */
export function parseAudience(value: string, option: string): Classification {
	const level = parseClassification(value);
	if (!level) {
		throw new PublishError(`${option} 應為 ${CLASSIFICATIONS.join('、')}（或 公開、內部使用、限閱、機密），收到「${value}」。`);
	}
	return level;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parsed build record (`.portal-build.json` at `path`), checked field by field; a PublishError otherwise. */
export function validateBuildRecord(value: unknown, path: string): BuildRecord {
	if (!isObject(value) || value.status !== 'ok') {
		const status = isObject(value) ? JSON.stringify(value.status) : '（無）';
		throw new PublishError(`${path} 的 status 為 ${status}，不是 "ok"：建置未通過檢查，不發布。`);
	}
	if (typeof value.ceiling !== 'string' || !parseClassification(value.ceiling)) {
		throw new PublishError(
			`${path} 的 ceiling（發布上限）為 ${JSON.stringify(value.ceiling)}，不是機密等級：建置紀錄無效，不發布。請重新執行 npm run build。`,
		);
	}
	if (typeof value.includeDrafts !== 'boolean' || !(typeof value.site === 'string' || value.site === null)) {
		throw new PublishError(
			`${path} 沒有記載是否含草稿（includeDrafts）及網站網址（site）：可能由舊版入口網建置，無法確認讀者範圍，不發布。請重新執行 npm run build。`,
		);
	}
	return { ...(value as unknown as BuildRecord), ceiling: parseClassification(value.ceiling)! };
}

/** The target's setup file, parsed; a PublishError when it is not one (it is never overwritten). */
export function parseTargetFile(text: string, path: string): TargetSetup {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		value = undefined;
	}
	const audience = isObject(value) && typeof value.audience === 'string' ? parseClassification(value.audience) : undefined;
	if (!isObject(value) || !audience || typeof value.drafts !== 'boolean') {
		throw new PublishError(
			`${path} 無效（應為 {"audience": "internal", "drafts": false} 之類的 JSON）：無法確認此發布目的地的讀者範圍，不發布。請修正或刪除該檔案後，以 --audience 重新設定。`,
		);
	}
	return { audience, drafts: value.drafts };
}

/** The file content recording `setup` (with the time it was recorded, for the operator). */
export function formatTargetFile(setup: TargetSetup, recordedAt: string): string {
	return `${JSON.stringify({ audience: setup.audience, drafts: setup.drafts, recordedAt }, null, 2)}\n`;
}

/**
 * The setup a publish uses: the recorded one (a different request is refused), or — on the first publish —
 * the requested one, by default all staff without drafts. `isNew`: it must be recorded.
 */
export function resolveTargetSetup(
	recorded: TargetSetup | null,
	requested: RequestedSetup,
	target: string,
): { setup: TargetSetup; isNew: boolean } {
	if (recorded === null) {
		return { setup: { audience: requested.audience ?? DEFAULT_AUDIENCE, drafts: requested.drafts ?? false }, isNew: true };
	}
	const file = `${target}/${TARGET_FILE}`;
	const change = `若此目的地的讀者確實改變，請先確認網頁伺服器的存取控制，再刪除 ${file} 後重新發布；否則請發布到為該讀者範圍設定的另一個目的地。`;
	if (requested.audience !== undefined && requested.audience !== recorded.audience) {
		throw new PublishError(
			`發布目的地 ${target} 的讀者範圍已設定為 ${levelLabel(recorded.audience)}（${file}），與 --audience ${requested.audience} 不符：不發布。${change}`,
		);
	}
	if (requested.drafts === true && !recorded.drafts) {
		throw new PublishError(`發布目的地 ${target} 未設定為草稿預覽網站（${file}），與 --drafts 不符：不發布。${change}`);
	}
	return { setup: recorded, isNew: false };
}

/**
 * Refuses a build that the audience may not see: a ceiling above the audience, or drafts on a site not set
 * up for them. `where` names the destination in the message (`發布目的地 /srv/isms-portal`).
 */
export function checkBuildForAudience(
	record: Pick<BuildRecord, 'ceiling' | 'includeDrafts'>,
	setup: TargetSetup,
	where: string,
	isNew = false,
): void {
	const ceiling = parseClassification(record.ceiling) ?? 'confidential';
	if (!isWithinCeiling(ceiling, setup.audience)) {
		const setUp = isNew
			? `若此目的地確實只供可閱讀 ${CLASSIFICATION_LABELS[ceiling]} 文件者存取，首次發布時請加 --audience ${ceiling}。`
			: '';
		throw new PublishError(
			`此建置的發布上限為 ${levelLabel(ceiling)}（${BUILD_MARKER}），高於${where}的讀者範圍 ${levelLabel(setup.audience)}：不發布，以免 ${CLASSIFICATION_LABELS[ceiling]} 文件被無權閱讀者看到。請以 PORTAL_MAX_CLASSIFICATION=${setup.audience} 重新執行 npm run build。${setUp}`,
		);
	}
	if (record.includeDrafts && !setup.drafts) {
		throw new PublishError(
			`此建置含草稿（PORTAL_INCLUDE_DRAFTS=1，${BUILD_MARKER}），${where}不是草稿預覽網站：不發布，草稿不得給全體讀者。請不設 PORTAL_INCLUDE_DRAFTS 重新執行 npm run build；預覽請發布到另一個目的地，首次發布時加 --drafts。`,
		);
	}
}

/**
 * Refuses a build made without the site's URL (PORTAL_SITE_URL; the record's `site` is null): its printed
 * copies could name neither the version in force nor their own page by an address a reader can open, and
 * carry no QR code (src/lib/site/print.ts). Such a build is for local preview only.
 */
export function checkSiteUrl(record: Pick<BuildRecord, 'site'>): void {
	if (record.site) return;
	throw new PublishError(
		`此建置未設定入口網網址（PORTAL_SITE_URL；${BUILD_MARKER} 的 site 為 null）：列印本將無法列出現行版本網址及 QR 碼，不發布。請以 PORTAL_SITE_URL=https://<入口網網址>/ npm run build 重新建置（未設定網址的建置僅供本機預覽）。`,
	);
}
