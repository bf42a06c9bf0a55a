/** `npm run publish -- --rollback [--to <release>]`: switches `current` back to a release kept on disk. */
import { join } from 'node:path';
import { checkBuildForAudience } from '../../lib/publish/audience.ts';
import { BUILD_MARKER } from '../../lib/publish/build-record.ts';
import { isReleaseName, PublishError, RELEASES_DIR } from '../../lib/publish/releases.ts';
import { switchCurrent, takeLock, type Hooks } from './current.ts';
import { countFiles, NODE_FS, type PublishFs } from './fs.ts';
import { checkTargetLocation } from './location.ts';
import { checkCurrentIsLink, completeReleases, readReleaseRecord, readTargetSetup } from './target.ts';

export interface RollbackOptions extends Hooks {
	target: string;
	/** The release to switch to; default the one just older than `current`. */
	to?: string;
}

export interface RollbackResult {
	/** The release `current` pointed to before. */
	from: string | null;
	/** The release `current` points to now. */
	release: string;
	files: number;
	/** What `current` points to now: `releases/<release>`. */
	current: string;
}

export function rollback(options: RollbackOptions): RollbackResult {
	const { to, pid = process.pid } = options;
	const fs: PublishFs = { ...NODE_FS, ...options.fs };
	const { target, exists } = checkTargetLocation(options.target);
	if (!exists) throw new PublishError('尚未發布任何版本，無法回復。');
	checkCurrentIsLink(target);
	const lock = takeLock(target, 'rollback', options);
	try {
		const state = checkCurrentIsLink(target);
		const from = state.kind === 'link' ? state.release : null;
		const releases = completeReleases(target);
		const release = to === undefined ? previousRelease(releases, from) : namedRelease(releases, from, to);
		checkReleaseForTarget(target, release);
		const current = switchCurrent(target, release, fs, pid);
		return { from, release, files: countFiles(join(target, RELEASES_DIR, release)), current };
	} finally {
		lock.release();
	}
}

/** A rollback never serves a release the target's recorded audience may not see. */
function checkReleaseForTarget(target: string, release: string): void {
	const setup = readTargetSetup(target);
	if (setup === null) return;
	const record = readReleaseRecord(join(target, RELEASES_DIR, release));
	if (record === null) {
		throw new PublishError(`版本 ${release} 沒有可讀的建置紀錄 ${BUILD_MARKER}，無法確認其發布上限：不回復。`);
	}
	checkBuildForAudience({ ceiling: record.ceiling, includeDrafts: record.includeDrafts === true }, setup, `發布目的地 ${target} `);
}

function previousRelease(releases: readonly string[], current: string | null): string {
	if (releases.length === 0) throw new PublishError('尚未發布任何版本，無法回復。');
	if (current === null) {
		throw new PublishError(`current 未指向 ${RELEASES_DIR}/ 中的版本，無法判斷上一版；請用 --to 指定版本。`);
	}
	const index = releases.indexOf(current);
	if (index === -1) throw new PublishError(`current 指向的版本 ${current} 已不存在；請用 --to 指定版本。`);
	const previous = releases[index + 1];
	if (previous === undefined) throw new PublishError(`current 已是最舊的版本 ${current}，沒有更早的版本可回復。`);
	return previous;
}

function namedRelease(releases: readonly string[], current: string | null, to: string): string {
	if (!isReleaseName(to)) {
		throw new PublishError(`「${to}」不是版本名稱；版本名稱如 20261125T210501Z（見 --list）。`);
	}
	if (!releases.includes(to)) throw new PublishError(`找不到版本 ${to}（見 --list）。`);
	if (to === current) throw new PublishError(`current 已指向 ${to}。`);
	return to;
}
