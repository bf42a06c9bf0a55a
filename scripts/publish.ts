/**
 * npm run publish -- --target <dir> [--source dist] [--keep 5] [--audience <level>] [--drafts] [--wait <s>]
 * npm run publish -- --target <dir> --rollback [--to <release>]
 * npm run publish -- --target <dir> --list
 * npm run publish -- --verify-audience <level> [--source dist]
 * Installs a passed build in an intranet web server's folder (src/node/publish/), rolls back, lists the
 * releases, or only checks a build's record against an audience (CI deploy steps to other hosts).
 * Exit 0 on success, 1 on refusal, 2 on bad usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { levelLabel, parseAudience, TARGET_FILE } from '../src/lib/publish/audience.ts';
import type { Classification } from '../src/lib/documents/classification.ts';
import {
	DEFAULT_KEEP,
	DEFAULT_WAIT_MS,
	defaultSource,
	listReleases,
	publish,
	PublishError,
	readTargetSetup,
	rollback,
	verifyAudience,
	type LockHolder,
	type PublishResult,
} from '../src/node/publish/index.ts';

const usage = [
	'用法：npm run publish -- --target <目錄> [--source dist] [--keep 5] [--audience internal] [--drafts] [--wait 300]',
	'      npm run publish -- --target <目錄> --rollback [--to <版本>]',
	'      npm run publish -- --target <目錄> --list',
	'      npm run publish -- --verify-audience public [--source dist]',
	'例如：npm run publish -- --target /srv/isms-portal',
].join('\n');

function usageError(message: string): never {
	process.stderr.write(`${message}\n${usage}\n`);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			target: { type: 'string' },
			source: { type: 'string' },
			keep: { type: 'string' },
			audience: { type: 'string' },
			drafts: { type: 'boolean' },
			wait: { type: 'string' },
			rollback: { type: 'boolean' },
			to: { type: 'string' },
			list: { type: 'boolean' },
			'verify-audience': { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
	}));
} catch (error) {
	usageError((error as Error).message);
}
if (values.help) {
	process.stdout.write(`${usage}\n`);
	process.exit(0);
}
const publishOnly = ['keep', 'audience', 'drafts'] as const;
const given = (names: readonly (keyof typeof values)[]) => names.filter((name) => values[name] !== undefined).map((name) => `--${name}`);
if (values['verify-audience'] !== undefined) {
	const extra = given(['target', 'keep', 'audience', 'drafts', 'wait', 'rollback', 'to', 'list']);
	if (extra.length > 0) usageError(`--verify-audience 只檢查建置紀錄，不能與 ${extra.join('、')} 一起使用。`);
} else {
	if (!values.target) usageError('請以 --target 指定發布目錄。');
	if (values.rollback && values.list) usageError('--rollback 與 --list 不能同時使用。');
	if (values.to !== undefined && !values.rollback) usageError('--to 只能與 --rollback 一起使用。');
	const extra = values.rollback || values.list ? given(['source', ...publishOnly, ...(values.list ? (['wait'] as const) : [])]) : [];
	if (extra.length > 0) usageError(`${extra.join('、')} 只用於發布，不能與 --rollback 或 --list 一起使用。`);
}
if (values.keep !== undefined && !/^[1-9]\d*$/.test(values.keep)) usageError(`--keep 應為 1 以上的整數，收到「${values.keep}」。`);
if (values.wait !== undefined && !/^\d+$/.test(values.wait)) usageError(`--wait 應為 0 以上的整數秒數，收到「${values.wait}」。`);

try {
	const source = resolve(values.source ?? defaultSource(process.env));
	if (values['verify-audience'] !== undefined) verify(source, parseAudience(values['verify-audience'], '--verify-audience'));
	else {
		const target = resolve(values.target!);
		const waitMs = values.wait === undefined ? DEFAULT_WAIT_MS : Number(values.wait) * 1000;
		if (values.list) list(target);
		else if (values.rollback) back(target, values.to, waitMs);
		else {
			const audience = values.audience === undefined ? {} : { audience: parseAudience(values.audience, '--audience') };
			const keep = values.keep ? Number(values.keep) : DEFAULT_KEEP;
			report(
				publish({
					source,
					target,
					keep,
					waitMs,
					onWait: waitNotice(target, waitMs),
					...audience,
					...(values.drafts ? { drafts: true } : {}),
				}),
			);
		}
	}
} catch (error) {
	// Refusals and I/O errors (permissions, a full disk) alike: one message, no stack trace.
	process.stderr.write(`${error instanceof PublishError ? '' : '發布失敗：'}${(error as Error).message}\n`);
	process.exit(1);
}

/** Said once when another publish holds the target: this one waits for it. */
function waitNotice(target: string, waitMs: number) {
	return (holder: LockHolder | null) => {
		const who = holder ? `程序 ${holder.pid}（主機 ${holder.host}，開始於 ${holder.since}）` : '另一個程序';
		process.stderr.write(`發布目的地 ${target} 正由${who}使用中，等候其結束（最多 ${Math.round(waitMs / 1000)} 秒）…\n`);
	};
}

function buildLabel(record: { ceiling: string; includeDrafts?: boolean }): string {
	return `發布上限 ${levelLabel(record.ceiling as Classification)}${record.includeDrafts ? '，含草稿' : ''}`;
}

function audienceLabel(setup: { audience: Classification; drafts: boolean }): string {
	return `${levelLabel(setup.audience)}${setup.drafts ? '，草稿預覽網站' : ''}`;
}

function report(result: PublishResult): void {
	const lines = [
		`已發布 releases/${result.release}：${result.files} 個檔案（${formatBytes(result.bytes)}），建置於 ${result.record.builtAt}（${buildLabel(result.record)}）。`,
		`current → ${result.current}${result.previous ? `（先前：releases/${result.previous}）` : ''}`,
	];
	if (result.setupRecorded) lines.push(`此發布目的地的讀者範圍已設定為 ${audienceLabel(result.setup)}（記錄於 ${TARGET_FILE}）。`);
	if (result.staleLock) lines.push(`已移除已結束的程序 ${result.staleLock.pid} 留下的發布鎖定。`);
	if (result.cleaned.length > 0) lines.push(`已清除先前中斷的發布留下的：${result.cleaned.join('、')}`);
	if (result.pruned.length > 0) lines.push(`已清除舊版本：${result.pruned.join('、')}`);
	for (const failure of result.pruneFailures) lines.push(`警告：無法清除 releases/${failure.name}：${failure.message}`);
	process.stdout.write(`${lines.join('\n')}\n`);
}

function verify(source: string, audience: Classification): void {
	const record = verifyAudience(source, audience);
	process.stdout.write(
		`${source} 可發布給讀者範圍 ${levelLabel(audience)}：${buildLabel(record)}，建置於 ${record.builtAt}${record.site ? `，網址 ${record.site}` : ''}。\n`,
	);
}

function back(target: string, to: string | undefined, waitMs: number): void {
	const result = rollback({ target, waitMs, onWait: waitNotice(target, waitMs), ...(to === undefined ? {} : { to }) });
	process.stdout.write(
		`已回復：current → ${result.current}（${result.files} 個檔案）${result.from ? `，先前：releases/${result.from}` : ''}。\n`,
	);
}

function list(target: string): void {
	const setup = readTargetSetup(target);
	const releases = listReleases(target);
	const lines = setup ? [`讀者範圍：${audienceLabel(setup)}`] : [];
	if (releases.length === 0) lines.push(`${target} 尚未發布任何版本。`);
	for (const release of releases) {
		const built = release.record ? `  建置於 ${release.record.builtAt}（${buildLabel(release.record)}）` : '';
		lines.push(`${release.current ? '*' : ' '} ${release.name}${built}${release.current ? '  ← current' : ''}`);
	}
	process.stdout.write(`${lines.join('\n')}\n`);
}

function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
