import { mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listReleases, publish, rollback } from '../../src/node/publish/index.ts';
import {
	at,
	build,
	CLOCK,
	currentLink,
	FILES_PER_BUILD,
	newTarget,
	publishAt,
	RECORD,
	refusal,
	releasesIn,
	snapshot,
	T1,
	T2,
	T3,
	TARGET_ENTRIES,
	tempDir,
} from './_publish.ts';

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
		expect(readdirSync(target).sort()).toEqual(TARGET_ENTRIES);
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
		expect(refusal(() => rollback({ target: join(target, 'missing') }))).toBe('尚未發布任何版本，無法回復。');
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
