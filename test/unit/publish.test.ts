import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	renameSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_MARKER, type BuildRecord } from '../../src/lib/build-record.ts';
import {
	compareReleaseNames,
	formatReleaseStamp,
	listReleases,
	nextReleaseName,
	publish,
	PublishError,
	releasesToPrune,
	rollback,
	type PublishFs,
} from '../../src/lib/publish.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RECORD: BuildRecord = {
	status: 'ok',
	builtAt: '2026-11-25T20:51:50.994Z',
	today: '2026-11-26',
	ceiling: 'internal',
	documents: 37,
	versions: 38,
	warnings: 0,
	duplicatePages: ['documents/isms-m-001/v1.0/index.html'],
};

const created: string[] = [];
afterEach(() => {
	for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'isms-publish-'));
	created.push(dir);
	return dir;
}

/** The files of a small build; `label` makes each build's content different. */
function siteFiles(label: string): Record<string, string> {
	return {
		'index.html': `<h1>資安文件入口網 ${label}</h1>`,
		'404.html': `<h1>找不到頁面 ${label}</h1>`,
		'_astro/page.js': `console.log(${JSON.stringify(label)});`,
		'documents/isms-p-005/index.html': `<h1>ISMS-P-005 ${label}</h1>`,
	};
}
const FILES_PER_BUILD = 5; // the four above and the build record

/** A build output folder; `record` is written as the build marker (`null`: no marker, a string: raw text). */
function build(label: string, record: unknown = RECORD): string {
	const dir = tempDir();
	for (const [path, content] of Object.entries(siteFiles(label))) write(join(dir, path), content);
	if (record !== null) write(join(dir, BUILD_MARKER), typeof record === 'string' ? record : JSON.stringify(record, null, 2));
	return dir;
}

function write(path: string, content: string): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, content);
}

function bytesOf(dir: string): number {
	return Object.values(snapshot(dir) ?? {}).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
}

/** Everything under `dir` (following `dir` itself if it is a symlink): `path/` for folders, `path -> link` for symlinks. */
function snapshot(dir: string): Record<string, string> | null {
	if (!existsSync(dir)) return null;
	const result: Record<string, string> = {};
	const walk = (path: string, prefix: string) => {
		for (const name of readdirSync(path).sort()) {
			const full = join(path, name);
			const stats = lstatSync(full);
			if (stats.isSymbolicLink()) result[`${prefix}${name} ->`] = readlinkSync(full);
			else if (stats.isDirectory()) {
				result[`${prefix}${name}/`] = '';
				walk(full, `${prefix}${name}/`);
			} else result[`${prefix}${name}`] = readFileSync(full, 'utf8');
		}
	};
	walk(dir, '');
	return result;
}

/** A fresh target folder that does not exist yet (publish creates it). */
function newTarget(): string {
	return join(tempDir(), 'isms-portal');
}

const at = (iso: string) => () => new Date(iso);
const T1 = '20261125T210501Z';
const T2 = '20261125T211000Z';
const T3 = '20261125T212000Z';
const T4 = '20261125T213000Z';
const CLOCK: Record<string, string> = {
	[T1]: '2026-11-25T21:05:01.789Z',
	[T2]: '2026-11-25T21:10:00.000Z',
	[T3]: '2026-11-25T21:20:00.000Z',
	[T4]: '2026-11-25T21:30:00.000Z',
};

/** Publishes `build(label)` to `target` at the time named by the release `stamp`. */
function publishAt(target: string, stamp: string, label: string, extra: { keep?: number; fs?: Partial<PublishFs>; pid?: number } = {}) {
	return publish({ source: build(label), target, now: at(CLOCK[stamp]!), ...extra });
}

function currentLink(target: string): string {
	const path = join(target, 'current');
	expect(lstatSync(path).isSymbolicLink()).toBe(true);
	return readlinkSync(path);
}

function releasesIn(target: string): string[] {
	return readdirSync(join(target, 'releases')).sort();
}

/** Runs `fn`, expects a PublishError and returns its message. */
function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(PublishError);
		return (error as Error).message;
	}
	throw new Error('expected a PublishError, nothing was thrown');
}

describe('release names', () => {
	it('formats the UTC time to the second', () => {
		expect(formatReleaseStamp(new Date('2026-11-25T21:05:01.789Z'))).toBe('20261125T210501Z');
		expect(formatReleaseStamp(new Date('2026-01-02T03:04:05+08:00'))).toBe('20260101T190405Z');
	});

	it('uses the clock when it is newer than every release, a counter within the same second', () => {
		const now = new Date('2026-11-25T21:05:01.500Z');
		expect(nextReleaseName([], now)).toBe(T1);
		expect(nextReleaseName(['20261125T210500Z'], now)).toBe(T1);
		expect(nextReleaseName([T1], now)).toBe(`${T1}-2`);
		expect(nextReleaseName([T1, `${T1}-2`], now)).toBe(`${T1}-3`);
		expect(nextReleaseName([`${T1}-9`, `${T1}-10`], now)).toBe(`${T1}-11`);
	});

	it('counts .partial leftovers and ignores other folders', () => {
		const now = new Date('2026-11-25T21:05:01Z');
		expect(nextReleaseName([`${T1}.partial`], now)).toBe(`${T1}-2`);
		expect(nextReleaseName(['notes', 'zzz.partial'], now)).toBe(T1);
	});

	it('stays after the newest release when the clock went back', () => {
		expect(nextReleaseName([T2], new Date(CLOCK[T1]!))).toBe(`${T2}-2`);
	});

	it('orders by time, then by counter as a number', () => {
		const names = [`${T1}-10`, T2, T1, `${T1}-9`, `${T1}-2`];
		expect(names.sort(compareReleaseNames)).toEqual([T1, `${T1}-2`, `${T1}-9`, `${T1}-10`, T2]);
	});
});

describe('releasesToPrune', () => {
	it('removes releases beyond keep, oldest first, then every .partial leftover; ignores other folders', () => {
		expect(releasesToPrune([T4, T1, T3, T2, `${T4}-2.partial`, 'notes', 'notes.partial'], T4, 2)).toEqual([
			T1,
			T2,
			`${T4}-2.partial`,
		]);
	});

	it('never removes the release current points to, even beyond keep', () => {
		expect(releasesToPrune([T1, T2, T3, T4], T1, 2)).toEqual([T2]);
	});

	it('orders same-second releases by their counter as a number', () => {
		expect(releasesToPrune([`${T1}-10`, `${T1}-9`, T1], `${T1}-10`, 1)).toEqual([T1, `${T1}-9`]);
	});

	it('removes nothing within keep', () => {
		expect(releasesToPrune([T1, T2], T2, 5)).toEqual([]);
	});
});

describe('publish', () => {
	it('copies the build to releases/<timestamp>/ and points current at it with a relative symlink', () => {
		const source = build('一');
		const target = newTarget();
		const result = publish({ source, target, now: at(CLOCK[T1]!) });
		expect(result).toEqual({
			release: T1,
			path: join(target, 'releases', T1),
			files: FILES_PER_BUILD,
			bytes: bytesOf(source),
			record: RECORD,
			previous: null,
			current: `releases/${T1}`,
			pruned: [],
			pruneFailures: [],
		});
		expect(readdirSync(target).sort()).toEqual(['current', 'releases']);
		expect(releasesIn(target)).toEqual([T1]);
		expect(currentLink(target)).toBe(`releases/${T1}`);
		expect(snapshot(join(target, 'current'))).toEqual(snapshot(source));
		expect(readFileSync(join(target, 'current', 'index.html'), 'utf8')).toBe('<h1>資安文件入口網 一</h1>');
	});

	it('switches current to the second release and keeps the first', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const source2 = build('二');
		const result = publish({ source: source2, target, now: at(CLOCK[T2]!) });
		expect([result.release, result.previous, result.current]).toEqual([T2, T1, `releases/${T2}`]);
		expect(currentLink(target)).toBe(`releases/${T2}`);
		expect(snapshot(join(target, 'current'))).toEqual(snapshot(source2));
		expect(releasesIn(target)).toEqual([T1, T2]);
		expect(readFileSync(join(target, 'releases', T1, 'index.html'), 'utf8')).toBe('<h1>資安文件入口網 一</h1>');
	});

	it('gives two publishes in the same second different names', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const second = publishAt(target, T1, '二');
		expect(second.release).toBe(`${T1}-2`);
		expect(currentLink(target)).toBe(`releases/${T1}-2`);
		expect(releasesIn(target)).toEqual([T1, `${T1}-2`]);
	});

	it('keeps the newest `keep` releases and reports what it removed', () => {
		const target = newTarget();
		const results = [T1, T2, T3, T4].map((stamp, index) => publishAt(target, stamp, `第${index + 1}版`, { keep: 2 }));
		expect(results.map((result) => result.pruned)).toEqual([[], [], [T1], [T2]]);
		expect(releasesIn(target)).toEqual([T3, T4]);
		expect(currentLink(target)).toBe(`releases/${T4}`);
	});

	it('keeps 5 releases by default', () => {
		const target = newTarget();
		const stamps = ['01', '02', '03', '04', '05', '06'].map((minute) => `20261125T21${minute}00Z`);
		for (const stamp of stamps) {
			publish({ source: build(stamp), target, now: () => new Date(`2026-11-25T21:${stamp.slice(11, 13)}:00Z`) });
		}
		expect(releasesIn(target)).toEqual(stamps.slice(1));
	});

	it('leaves no temporary symlink or .partial folder behind', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		publishAt(target, T2, '二');
		expect(readdirSync(target).sort()).toEqual(['current', 'releases']);
		expect(releasesIn(target).filter((name) => name.endsWith('.partial'))).toEqual([]);
	});

	it('replaces a temporary symlink left by a crashed run with the same pid', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		symlinkSync('releases/elsewhere', join(target, 'current.tmp-4242'));
		publishAt(target, T2, '二', { pid: 4242 });
		expect(currentLink(target)).toBe(`releases/${T2}`);
		expect(readdirSync(target).sort()).toEqual(['current', 'releases']);
	});

	it('switches current by renaming a new relative symlink over it: current is a symlink to the old, then the new release', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const current = join(target, 'current');
		const seen: string[] = [];
		const rename = (from: string, to: string) => {
			if (to === current) {
				seen.push(`before: ${lstatSync(current).isSymbolicLink()} ${readlinkSync(current)}`);
				seen.push(`new: ${from.slice(target.length)} ${lstatSync(from).isSymbolicLink()} ${readlinkSync(from)}`);
				renameSync(from, to);
				seen.push(`after: ${lstatSync(current).isSymbolicLink()} ${readlinkSync(current)}`);
			} else {
				seen.push(`rename: ${from.slice(target.length)} → ${to.slice(target.length)}; current ${readlinkSync(current)}`);
				renameSync(from, to);
			}
		};
		publishAt(target, T2, '二', { fs: { rename }, pid: 4242 });
		expect(seen).toEqual([
			`rename: /releases/${T2}.partial → /releases/${T2}; current releases/${T1}`,
			`before: true releases/${T1}`,
			`new: /current.tmp-4242 true releases/${T2}`,
			`after: true releases/${T2}`,
		]);
	});

	it('fsyncs every copied file and folder before the rename, then the folders whose entries changed', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const events: string[] = [];
		const short = (path: string) => path.slice(target.length) || '/';
		const fs: Partial<PublishFs> = {
			fsync: (path) => events.push(`fsync ${short(path)}`),
			rename: (from, to) => {
				events.push(`rename ${short(from)} → ${short(to)}`);
				renameSync(from, to);
			},
		};
		publishAt(target, T2, '二', { fs, pid: 1 });
		const renameAt = events.indexOf(`rename /releases/${T2}.partial → /releases/${T2}`);
		const partial = `/releases/${T2}.partial`;
		expect(events.slice(0, renameAt).sort()).toEqual(
			[
				partial,
				...Object.keys(siteFiles('二')).map((path) => `${partial}/${path}`),
				`${partial}/${BUILD_MARKER}`,
				`${partial}/_astro`,
				`${partial}/documents`,
				`${partial}/documents/isms-p-005`,
			]
				.map((path) => `fsync ${path}`)
				.sort(),
		);
		expect(events.slice(renameAt)).toEqual([
			`rename /releases/${T2}.partial → /releases/${T2}`,
			'fsync /releases',
			'rename /current.tmp-1 → /current',
			'fsync /',
		]);
	});

	it('keeps current on the previous release, with its files readable, during the whole copy', () => {
		const target = newTarget();
		const source1 = build('一');
		publish({ source: source1, target, now: at(CLOCK[T1]!) });
		const expected = snapshot(source1);
		const during: string[] = [];
		const copyFile = (from: string, to: string) => {
			during.push(currentLink(target));
			expect(snapshot(join(target, 'current'))).toEqual(expected);
			copyFileSync(from, to);
		};
		publishAt(target, T2, '二', { fs: { copyFile } });
		expect(during).toEqual(Array(FILES_PER_BUILD).fill(`releases/${T1}`));
	});

	describe('an interrupted publish', () => {
		function interrupted() {
			const target = newTarget();
			const source1 = build('一');
			publish({ source: source1, target, now: at(CLOCK[T1]!) });
			let calls = 0;
			const copyFile = (from: string, to: string) => {
				calls += 1;
				if (calls === 3) throw new Error('ENOSPC: no space left on device');
				copyFileSync(from, to);
			};
			const message = refusal(() => publishAt(target, T2, '二', { fs: { copyFile } }));
			return { target, source1, message };
		}

		it('fails with a clear message and leaves current on the previous release, all its files intact', () => {
			const { target, source1, message } = interrupted();
			expect(message).toBe(
				`發布中斷：ENOSPC: no space left on device\ncurrent 未變更；未完成的 releases/${T2}.partial 會在下次發布時清除。`,
			);
			expect(currentLink(target)).toBe(`releases/${T1}`);
			expect(snapshot(join(target, 'current'))).toEqual(snapshot(source1));
			expect(releasesIn(target)).toEqual([T1, `${T2}.partial`]);
			expect(Object.keys(snapshot(join(target, 'releases', `${T2}.partial`))!).filter((path) => !path.endsWith('/'))).toHaveLength(2);
		});

		it('is cleaned up by the next publish, which takes a new name', () => {
			const { target } = interrupted();
			const next = publishAt(target, T2, '三');
			expect(next.release).toBe(`${T2}-2`);
			expect(next.pruned).toEqual([`${T2}.partial`]);
			expect(releasesIn(target)).toEqual([T1, `${T2}-2`]);
			expect(currentLink(target)).toBe(`releases/${T2}-2`);
			expect(readFileSync(join(target, 'current', 'index.html'), 'utf8')).toBe('<h1>資安文件入口網 三</h1>');
		});

		it('does not list or roll back to the .partial leftover', () => {
			const { target } = interrupted();
			expect(listReleases(target).map((release) => release.name)).toEqual([T1]);
			expect(refusal(() => rollback({ target, to: `${T2}.partial` }))).toContain('不是版本名稱');
		});
	});

	it('leaves current unchanged and removes its temporary symlink when the switch fails', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const rename = (from: string, to: string) => {
			if (to === join(target, 'current')) throw new Error('EIO: i/o error, rename');
			renameSync(from, to);
		};
		expect(refusal(() => publishAt(target, T2, '二', { fs: { rename } }))).toBe(
			'切換 current 失敗（current 未變更）：EIO: i/o error, rename',
		);
		expect(currentLink(target)).toBe(`releases/${T1}`);
		expect(readdirSync(target).sort()).toEqual(['current', 'releases']);
	});

	it('refuses a build whose record changed during the copy (a build started meanwhile)', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		const source = build('二');
		const copyFile = (from: string, to: string) => {
			writeFileSync(join(source, BUILD_MARKER), JSON.stringify({ ...RECORD, builtAt: '2026-11-25T21:09:00.000Z' }));
			copyFileSync(from, to);
		};
		expect(refusal(() => publish({ source, target, now: at(CLOCK[T2]!), fs: { copyFile } }))).toBe(
			`發布中斷：建置輸出 ${source} 在複製期間被變更（是否有建置正在執行？）\ncurrent 未變更；未完成的 releases/${T2}.partial 會在下次發布時清除。`,
		);
		expect(currentLink(target)).toBe(`releases/${T1}`);
	});

	describe('refusals change nothing', () => {
		/** A target holding one release, and a check that it is byte for byte the same afterwards. */
		function existingTarget() {
			const target = newTarget();
			publishAt(target, T1, '一');
			const before = snapshot(target);
			return { target, unchanged: () => expect(snapshot(target)).toEqual(before) };
		}

		it('refuses a missing source folder', () => {
			const source = join(tempDir(), 'dist');
			const target = newTarget();
			expect(refusal(() => publish({ source, target }))).toBe(`找不到建置輸出資料夾 ${source}；請先執行 npm run build。`);
			expect(existsSync(target)).toBe(false);
		});

		it('refuses a build without the build record, into a new or an existing target', () => {
			const source = build('未完成', null);
			const fresh = newTarget();
			const message = `${source} 沒有建置紀錄 .portal-build.json：建置未完成或未通過檢查，不發布。請執行 npm run build 並修正所有錯誤。`;
			expect(refusal(() => publish({ source, target: fresh }))).toBe(message);
			expect(existsSync(fresh)).toBe(false);
			const { target, unchanged } = existingTarget();
			expect(refusal(() => publish({ source, target }))).toBe(message);
			unchanged();
		});

		it('refuses a build record whose status is not ok', () => {
			const source = build('失敗', { ...RECORD, status: 'failed' });
			const { target, unchanged } = existingTarget();
			expect(refusal(() => publish({ source, target }))).toBe(
				`${join(source, BUILD_MARKER)} 的 status 為 "failed"，不是 "ok"：建置未通過檢查，不發布。`,
			);
			unchanged();
		});

		it('refuses a build record without a status or that is not JSON', () => {
			const { target, unchanged } = existingTarget();
			const noStatus = build('無狀態', { builtAt: RECORD.builtAt });
			expect(refusal(() => publish({ source: noStatus, target }))).toBe(
				`${join(noStatus, BUILD_MARKER)} 的 status 為 undefined，不是 "ok"：建置未通過檢查，不發布。`,
			);
			const broken = build('壞掉', '{"status": "ok"');
			expect(refusal(() => publish({ source: broken, target }))).toBe(
				`${join(broken, BUILD_MARKER)} 不是有效的 JSON，不發布。請重新執行 npm run build。`,
			);
			unchanged();
		});

		it('refuses when current is a real folder (it cannot be switched atomically)', () => {
			const target = newTarget();
			write(join(target, 'current', 'index.html'), '手動放置的網站');
			const before = snapshot(target);
			expect(refusal(() => publish({ source: build('一'), target }))).toBe(
				`${join(target, 'current')} 存在但不是符號連結，無法原子切換；請先將它移走（例如改名為 current.old）。`,
			);
			expect(snapshot(target)).toEqual(before);
		});

		it('refuses a target inside the source folder', () => {
			const source = build('一');
			const before = snapshot(source);
			expect(refusal(() => publish({ source, target: join(source, 'srv') }))).toBe(
				`發布目的地 ${join(source, 'srv')} 位於建置輸出 ${source} 之內，不發布。`,
			);
			expect(snapshot(source)).toEqual(before);
		});

		it('refuses keep below 1', () => {
			const { target, unchanged } = existingTarget();
			expect(refusal(() => publish({ source: build('二'), target, keep: 0 }))).toBe('keep 應為 1 以上的整數，收到 0。');
			unchanged();
		});
	});
});

describe('rollback', () => {
	function threeReleases() {
		const target = newTarget();
		const sources = [T1, T2, T3].map((stamp, index) => {
			const source = build(`第${index + 1}版`);
			publish({ source, target, now: at(CLOCK[stamp]!) });
			return source;
		});
		return { target, sources };
	}

	it('goes back one release at a time and refuses at the oldest', () => {
		const { target, sources } = threeReleases();
		expect(rollback({ target })).toEqual({ from: T3, release: T2, files: FILES_PER_BUILD, current: `releases/${T2}` });
		expect(currentLink(target)).toBe(`releases/${T2}`);
		expect(snapshot(join(target, 'current'))).toEqual(snapshot(sources[1]!));
		expect(rollback({ target })).toMatchObject({ from: T2, release: T1 });
		expect(currentLink(target)).toBe(`releases/${T1}`);
		expect(refusal(() => rollback({ target }))).toBe(`current 已是最舊的版本 ${T1}，沒有更早的版本可回復。`);
		expect(currentLink(target)).toBe(`releases/${T1}`);
		expect(releasesIn(target)).toEqual([T1, T2, T3]);
	});

	it('switches atomically like publish', () => {
		const { target } = threeReleases();
		const seen: string[] = [];
		const rename = (from: string, to: string) => {
			seen.push(`${from.slice(target.length)} → ${to.slice(target.length)}: ${readlinkSync(to)} → ${readlinkSync(from)}`);
			renameSync(from, to);
		};
		rollback({ target, fs: { rename }, pid: 77 });
		expect(seen).toEqual([`/current.tmp-77 → /current: releases/${T3} → releases/${T2}`]);
		expect(readdirSync(target).sort()).toEqual(['current', 'releases']);
	});

	it('switches to a named release, older or newer', () => {
		const { target } = threeReleases();
		expect(rollback({ target, to: T1 })).toMatchObject({ from: T3, release: T1 });
		expect(rollback({ target, to: T3 })).toMatchObject({ from: T1, release: T3 });
		expect(currentLink(target)).toBe(`releases/${T3}`);
	});

	it('refuses a name that is not a release, a missing release, or the current one', () => {
		const { target } = threeReleases();
		expect(refusal(() => rollback({ target, to: '../../etc' }))).toBe(
			'「../../etc」不是版本名稱；版本名稱如 20261125T210501Z（見 --list）。',
		);
		expect(refusal(() => rollback({ target, to: '20200101T000000Z' }))).toBe('找不到版本 20200101T000000Z（見 --list）。');
		expect(refusal(() => rollback({ target, to: T3 }))).toBe(`current 已指向 ${T3}。`);
		expect(currentLink(target)).toBe(`releases/${T3}`);
	});

	it('refuses when nothing was published', () => {
		const target = tempDir();
		expect(refusal(() => rollback({ target }))).toBe('尚未發布任何版本，無法回復。');
		expect(readdirSync(target)).toEqual([]);
	});

	it('refuses to guess the previous release when current points elsewhere', () => {
		const { target } = threeReleases();
		rmSync(join(target, 'current'));
		symlinkSync('/var/www/html', join(target, 'current'));
		expect(refusal(() => rollback({ target }))).toBe('current 未指向 releases/ 中的版本，無法判斷上一版；請用 --to 指定版本。');
		expect(rollback({ target, to: T2 })).toMatchObject({ from: null, release: T2 });
	});
});

describe('listReleases', () => {
	it('lists complete releases newest first and marks the current one', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		publishAt(target, T2, '二');
		rollback({ target });
		mkdirSync(join(target, 'releases', `${T3}.partial`));
		mkdirSync(join(target, 'releases', 'notes'));
		expect(listReleases(target)).toEqual([
			{ name: T2, path: join(target, 'releases', T2), current: false, record: RECORD },
			{ name: T1, path: join(target, 'releases', T1), current: true, record: RECORD },
		]);
	});

	it('is empty for a target never published to', () => {
		expect(listReleases(newTarget())).toEqual([]);
	});
});

describe('npm run publish (CLI)', () => {
	function cli(...args: string[]) {
		const result = spawnSync(process.execPath, ['scripts/publish.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
		return { status: result.status, stdout: result.stdout, stderr: result.stderr };
	}

	it.each([
		[[], '請以 --target 指定發布目錄。'],
		[['--target', '/nonexistent', '--keep', '0'], '--keep 應為 1 以上的整數，收到「0」。'],
		[['--target', '/nonexistent', '--rollback', '--list'], '--rollback 與 --list 不能同時使用。'],
		[['--target', '/nonexistent', '--to', T1], '--to 只能與 --rollback 一起使用。'],
		[['--target', '/nonexistent', '--list', '--keep', '3'], '--source、--keep 只用於發布，不能與 --rollback 或 --list 一起使用。'],
		[['--target', '/nonexistent', '--bogus'], "Unknown option '--bogus'"],
	])('exits 2 on bad usage: %j', (args, message) => {
		const result = cli(...args);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain(message);
		expect(result.stderr).toContain('用法：npm run publish -- --target <目錄>');
		expect(result.stdout).toBe('');
	});

	it('publishes, lists and refuses with exit codes 0 and 1, without stack traces', () => {
		const source = build('一');
		const target = newTarget();
		const published = cli('--target', target, '--source', source);
		expect(published.stderr).toBe('');
		expect(published.status).toBe(0);
		const match = /^已發布 releases\/(\d{8}T\d{6}Z)：5 個檔案（(\d+) B），建置於 2026-11-25T20:51:50\.994Z。\ncurrent → releases\/\1\n$/.exec(
			published.stdout,
		);
		expect(match).not.toBeNull();
		expect(Number(match![2])).toBe(bytesOf(source));
		expect(currentLink(target)).toBe(`releases/${match![1]}`);
		expect(snapshot(join(target, 'current'))).toEqual(snapshot(source));

		const listed = cli('--target', target, '--list');
		expect([listed.status, listed.stdout]).toEqual([0, `* ${match![1]}  建置於 ${RECORD.builtAt}  ← current\n`]);

		const refused = cli('--target', target, '--source', build('未完成', null));
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/^\S+ 沒有建置紀錄 \.portal-build\.json：建置未完成或未通過檢查，不發布。請執行 npm run build 並修正所有錯誤。\n$/);

		const oldest = cli('--target', target, '--rollback');
		expect([oldest.status, oldest.stderr]).toEqual([1, `current 已是最舊的版本 ${match![1]}，沒有更早的版本可回復。\n`]);
		expect(currentLink(target)).toBe(`releases/${match![1]}`);
	});
});
