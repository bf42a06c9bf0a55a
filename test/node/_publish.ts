/**
 * Shared builders for the `npm run publish` tests (not a test file): small builds with a build record,
 * fresh targets, snapshots of folders, and the CLI run as a real process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, expect } from 'vitest';
import { BUILD_MARKER, type BuildRecord } from '../../src/lib/publish/build-record.ts';
import { publish, PublishError, type PublishFs, type PublishOptions } from '../../src/node/publish/index.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RECORD: BuildRecord = {
	status: 'ok',
	builtAt: '2026-11-25T20:51:50.994Z',
	today: '2026-11-26',
	ceiling: 'internal',
	includeDrafts: false,
	site: 'https://isms.example.gov.tw/',
	documents: 37,
	versions: 38,
	warnings: 0,
	duplicatePages: ['documents/isms-m-001/v1.0/index.html'],
};

const created: string[] = [];
afterEach(() => {
	for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'isms-publish-'));
	created.push(dir);
	return dir;
}

/** The files of a small build; `label` makes each build's content different. */
export function siteFiles(label: string): Record<string, string> {
	return {
		'index.html': `<h1>資安文件入口網 ${label}</h1>`,
		'404.html': `<h1>找不到頁面 ${label}</h1>`,
		'_astro/page.js': `console.log(${JSON.stringify(label)});`,
		'documents/isms-p-005/index.html': `<h1>ISMS-P-005 ${label}</h1>`,
	};
}
export const FILES_PER_BUILD = 5; // the four above and the build record

/** A build output folder; `record` is written as the build marker (`null`: no marker, a string: raw text). */
export function build(label: string, record: unknown = RECORD, extraFiles = 0): string {
	const dir = tempDir();
	for (const [path, content] of Object.entries(siteFiles(label))) write(join(dir, path), content);
	for (let i = 0; i < extraFiles; i += 1) write(join(dir, 'documents', `page-${i}`, 'index.html'), `<p>${label} ${i}</p>`.repeat(50));
	if (record !== null) write(join(dir, BUILD_MARKER), typeof record === 'string' ? record : JSON.stringify(record, null, 2));
	return dir;
}

export function write(path: string, content: string): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, content);
}

export function bytesOf(dir: string): number {
	return Object.values(snapshot(dir) ?? {}).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
}

/** Everything under `dir` (following `dir` itself if it is a symlink): `path/` for folders, `path -> link` for symlinks. */
export function snapshot(dir: string): Record<string, string> | null {
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
export function newTarget(): string {
	return join(tempDir(), 'isms-portal');
}

export const at = (iso: string) => () => new Date(iso);
export const T1 = '20261125T210501Z';
export const T2 = '20261125T211000Z';
export const T3 = '20261125T212000Z';
export const T4 = '20261125T213000Z';
export const CLOCK: Record<string, string> = {
	[T1]: '2026-11-25T21:05:01.789Z',
	[T2]: '2026-11-25T21:10:00.000Z',
	[T3]: '2026-11-25T21:20:00.000Z',
	[T4]: '2026-11-25T21:30:00.000Z',
};

type Extra = Partial<Omit<PublishOptions, 'source' | 'target' | 'now'>> & { fs?: Partial<PublishFs> };

/** Publishes `build(label)` to `target` at the time named by the release `stamp`. */
export function publishAt(target: string, stamp: string, label: string, extra: Extra = {}) {
	return publish({ source: build(label), target, now: at(CLOCK[stamp]!), ...extra });
}

export function currentLink(target: string): string {
	const path = join(target, 'current');
	expect(lstatSync(path).isSymbolicLink()).toBe(true);
	return readlinkSync(path);
}

export function releasesIn(target: string): string[] {
	return readdirSync(join(target, 'releases')).sort();
}

/** What a target holds besides its releases after a publish: current and the recorded audience. */
export const TARGET_ENTRIES = ['.portal-target.json', 'current', 'releases'];

/** Runs `fn`, expects a PublishError and returns its message. */
export function refusal(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(PublishError);
		return (error as Error).message;
	}
	throw new Error('expected a PublishError, nothing was thrown');
}

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** `npm run publish -- …` as a real process (the project's Node), synchronously. */
export function cli(args: string[], options: { env?: NodeJS.ProcessEnv; timeout?: number; uid?: number; gid?: number } = {}): CliResult {
	const result = spawnSync(process.execPath, ['scripts/publish.ts', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: options.timeout ?? 60_000,
		env: options.env ?? process.env,
		...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid }),
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `npm run publish -- …` as a real process, running beside others. */
export function cliAsync(args: string[]): Promise<CliResult> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['scripts/publish.ts', ...args], { cwd: ROOT });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (status) => done({ status, stdout, stderr }));
	});
}
