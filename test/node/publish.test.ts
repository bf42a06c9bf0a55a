import {
	copyFileSync,
	existsSync,
	lstatSync,
	readdirSync,
	readFileSync,
	readlinkSync,
	renameSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../../src/lib/publish/build-record.ts';
import { listReleases, publish, rollback, type PublishFs } from '../../src/node/publish/index.ts';
import {
	at,
	build,
	bytesOf,
	CLOCK,
	currentLink,
	FILES_PER_BUILD,
	newTarget,
	publishAt,
	RECORD,
	refusal,
	releasesIn,
	siteFiles,
	snapshot,
	T1,
	T2,
	T3,
	T4,
	TARGET_ENTRIES,
	tempDir,
	write,
} from './_publish.ts';

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
			setup: { audience: 'internal', drafts: false },
			setupRecorded: true,
			previous: null,
			current: `releases/${T1}`,
			cleaned: [],
			staleLock: null,
			pruned: [],
			pruneFailures: [],
		});
		expect(readdirSync(target).sort()).toEqual(TARGET_ENTRIES);
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
		expect(readdirSync(target).sort()).toEqual(TARGET_ENTRIES);
		expect(releasesIn(target).filter((name) => name.endsWith('.partial'))).toEqual([]);
	});

	it('removes temporary symlinks left by crashed runs before it starts', () => {
		const target = newTarget();
		publishAt(target, T1, '一');
		symlinkSync('releases/elsewhere', join(target, 'current.tmp-4242'));
		symlinkSync('releases/elsewhere', join(target, 'current.tmp-17'));
		expect(publishAt(target, T2, '二', { pid: 4242 }).cleaned).toEqual(['current.tmp-17', 'current.tmp-4242']);
		expect(currentLink(target)).toBe(`releases/${T2}`);
		expect(readdirSync(target).sort()).toEqual(TARGET_ENTRIES);
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
				`發布中斷：ENOSPC: no space left on device\ncurrent 未變更；未完成的 releases/${T2}.partial 會在下次發布開始時清除。`,
			);
			expect(currentLink(target)).toBe(`releases/${T1}`);
			expect(snapshot(join(target, 'current'))).toEqual(snapshot(source1));
			expect(releasesIn(target)).toEqual([T1, `${T2}.partial`]);
			expect(Object.keys(snapshot(join(target, 'releases', `${T2}.partial`))!).filter((path) => !path.endsWith('/'))).toHaveLength(2);
		});

		it('is cleaned up at the start of the next publish', () => {
			const { target } = interrupted();
			const next = publishAt(target, T2, '三');
			expect(next.release).toBe(T2);
			expect(next.cleaned).toEqual([`releases/${T2}.partial`]);
			expect(next.pruned).toEqual([]);
			expect(releasesIn(target)).toEqual([T1, T2]);
			expect(currentLink(target)).toBe(`releases/${T2}`);
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
		expect(readdirSync(target).sort()).toEqual(TARGET_ENTRIES);
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
			`發布中斷：建置輸出 ${source} 在複製期間被變更（是否有建置正在執行？）\ncurrent 未變更；未完成的 releases/${T2}.partial 會在下次發布開始時清除。`,
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
