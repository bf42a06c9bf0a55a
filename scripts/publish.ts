/**
 * npm run publish -- --target <dir> [--source dist] [--keep 5]
 * npm run publish -- --target <dir> --rollback [--to <release>]
 * npm run publish -- --target <dir> --list
 * Publishes a passed build to an intranet web server's folder (releases/<timestamp>/ + an atomically
 * switched `current` symlink), rolls back, or lists the releases. Exit 0 on success, 1 on refusal, 2 on bad usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_KEEP, listReleases, publish, PublishError, rollback, type PublishResult } from '../src/lib/publish.ts';

const usage = [
	'用法：npm run publish -- --target <目錄> [--source dist] [--keep 5]',
	'      npm run publish -- --target <目錄> --rollback [--to <版本>]',
	'      npm run publish -- --target <目錄> --list',
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
			rollback: { type: 'boolean' },
			to: { type: 'string' },
			list: { type: 'boolean' },
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
if (!values.target) usageError('請以 --target 指定發布目錄。');
if (values.rollback && values.list) usageError('--rollback 與 --list 不能同時使用。');
if (values.to !== undefined && !values.rollback) usageError('--to 只能與 --rollback 一起使用。');
if ((values.rollback || values.list) && (values.source !== undefined || values.keep !== undefined)) {
	usageError('--source、--keep 只用於發布，不能與 --rollback 或 --list 一起使用。');
}
if (values.keep !== undefined && !/^[1-9]\d*$/.test(values.keep)) {
	usageError(`--keep 應為 1 以上的整數，收到「${values.keep}」。`);
}
const target = resolve(values.target);

try {
	if (values.list) list(target);
	else if (values.rollback) back(target, values.to);
	else report(publish({ source: resolve(values.source ?? 'dist'), target, keep: values.keep ? Number(values.keep) : DEFAULT_KEEP }));
} catch (error) {
	// Refusals and I/O errors (permissions, a full disk) alike: one message, no stack trace.
	process.stderr.write(`${error instanceof PublishError ? '' : '發布失敗：'}${(error as Error).message}\n`);
	process.exit(1);
}

function report(result: PublishResult): void {
	const lines = [
		`已發布 releases/${result.release}：${result.files} 個檔案（${formatBytes(result.bytes)}），建置於 ${result.record.builtAt}。`,
		`current → ${result.current}${result.previous ? `（先前：releases/${result.previous}）` : ''}`,
	];
	if (result.pruned.length > 0) lines.push(`已清除舊版本：${result.pruned.join('、')}`);
	for (const failure of result.pruneFailures) lines.push(`警告：無法清除 releases/${failure.name}：${failure.message}`);
	process.stdout.write(`${lines.join('\n')}\n`);
}

function back(target: string, to: string | undefined): void {
	const result = rollback({ target, ...(to === undefined ? {} : { to }) });
	process.stdout.write(
		`已回復：current → ${result.current}（${result.files} 個檔案）${result.from ? `，先前：releases/${result.from}` : ''}。\n`,
	);
}

function list(target: string): void {
	const releases = listReleases(target);
	if (releases.length === 0) {
		process.stdout.write(`${target} 尚未發布任何版本。\n`);
		return;
	}
	const lines = releases.map(
		(release) =>
			`${release.current ? '*' : ' '} ${release.name}${release.record ? `  建置於 ${release.record.builtAt}` : ''}${release.current ? '  ← current' : ''}`,
	);
	process.stdout.write(`${lines.join('\n')}\n`);
}

function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
