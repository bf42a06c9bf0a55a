/**
 * npm run bench:dev [-- --documents 400 --edits 5]
 *
 * Preview benchmark (issue 21): `astro dev` on a copy of content/documents (default) or on a generated corpus of
 * N documents, then a few edits of one version: the time from saving the file to the page showing the edit (the
 * page asked for again and again until it does). Target: ≤ 1 s on the example content and on 400 documents.
 * Everything lives under test/.tmp/bench-dev/ (result.json); the server runs on 127.0.0.1 on a port the system
 * picks and is stopped at the end. Exit 1 if the server restarted.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCorpus } from './synthetic-corpus.ts';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '0' }, edits: { type: 'string', default: '5' } } });
const documents = Number(values.documents);
const edits = Number(values.edits);
if (!(documents >= 0) || !(edits >= 1)) {
	process.stderr.write('usage: npm run bench:dev -- [--documents N (0: a copy of content/documents)] [--edits N]\n');
	process.exit(2);
}

const root = process.cwd();
const base = 'test/.tmp/bench-dev';
const dir = `${base}/documents`;
rmSync(join(root, base), { recursive: true, force: true });
mkdirSync(join(root, base), { recursive: true });
if (documents > 0) writeSyntheticCorpus(join(root, dir), { documents, versionsPerDocument: 2.5 });
else cpSync(join(root, 'content/documents'), join(root, dir), { recursive: true });

// The document edited: the one the issue tried (ISMS-P-005 1.1) on the example content, else the first of the corpus.
const target = documents > 0 ? 'ISMS-M-001' : 'ISMS-P-005';
const versions = readdirSync(join(root, dir, target))
	.filter((name) => name.endsWith('.mdx'))
	.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
const file = join(root, dir, target, versions.at(-1)!);
const pagePath = `/documents/${target.toLowerCase()}/`;

const started = performance.now();
const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', '0'], {
	cwd: root,
	env: {
		...process.env,
		ASTRO_TELEMETRY_DISABLED: '1',
		NO_COLOR: '1',
		PORTAL_DOCUMENTS_DIR: dir,
		PORTAL_CACHE_DIR: `${base}/cache`,
		PORTAL_TODAY: '2026-11-25',
	},
	detached: true,
	stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk: Buffer) => (output += chunk));
child.stderr.on('data', (chunk: Buffer) => (output += chunk));
const stop = () => {
	// What the server printed, for whoever reads the figures (or a failure).
	writeFileSync(join(root, base, 'server.log'), output);
	try {
		process.kill(-child.pid!, 'SIGTERM');
	} catch {
		// already gone
	}
};
process.on('exit', stop);

const url = await new Promise<string>((resolve, reject) => {
	const look = () => {
		const found = /Local\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
		if (found) resolve(found[1]!);
	};
	child.stdout.on('data', look);
	child.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output}`)));
});
const ready = performance.now() - started;
const get = async (path: string) => (await fetch(new URL(path.slice(1), url))).text();
const until = async (path: string, accept: (text: string) => boolean): Promise<number> => {
	const from = performance.now();
	while (!accept(await get(path)))
		if (performance.now() - from > 120_000) throw new Error(`${path} did not change within 120 s\n${output.slice(-3000)}`);
	return performance.now() - from;
};

const firstFrom = performance.now();
await get(pagePath);
const first = performance.now() - firstFrom;
/**
 * Saves as an author makes them, not within the watcher's 50 ms change throttle of the one before (chokidar, through
 * Vite, drops such a change; the dev server then finds it 0.1 s later by looking at the file again, which would be
 * measured here as a slow save).
 */
let lastSave = 0;
const settled = async () => {
	while (performance.now() - lastSave < 60) await new Promise((resolve) => setImmediate(resolve));
	lastSave = performance.now();
};
const times: number[] = [];
for (let n = 1; n <= edits; n++) {
	await settled();
	appendFileSync(file, `\n預覽量測第 ${n} 次修改。\n`);
	times.push(await until(pagePath, (text) => text.includes(`預覽量測第 ${n} 次修改`)));
}
// A broken reference (a clause the cited document does not have): from saving to the finding in the terminal (the
// Problem line naming the file) and on the page (預覽檢查), then from the fix to the terminal's 「沒有發現問題」 for it.
const relative = file.slice(root.length + 1);
const findingLine = new RegExp(`${relative.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ {2}error {2}ref/unknown-clause`);
const since = (what: string, from: number, accept: () => boolean): Promise<number> =>
	new Promise((resolve, reject) => {
		const look = () => {
			if (accept()) return resolve(performance.now() - from);
			if (performance.now() - from > 120_000) return reject(new Error(`${what}: not within 120 s\n${output.slice(-3000)}`));
			setTimeout(look, 10);
		};
		look();
	});
const findingTimes = { terminal: [] as number[], page: [] as number[], fixed: [] as number[] };
const clean = readFileSync(file, 'utf8');
for (let n = 1; n <= Math.min(edits, 3); n++) {
	const outputBefore = output.length;
	await settled();
	const saved = performance.now();
	appendFileSync(file, `\n依本文件第 9${n}.9 節辦理。\n`);
	const terminal = since('the finding in the terminal', saved, () => findingLine.test(output.slice(outputBefore)));
	const page = until(pagePath, (text) => text.includes('預覽檢查') && text.includes(`9${n}.9`));
	findingTimes.terminal.push(await terminal);
	findingTimes.page.push(await page);
	const fixedBefore = output.length;
	await settled();
	const fixedAt = performance.now();
	writeFileSync(file, clean);
	findingTimes.fixed.push(
		await since('the fix in the terminal', fixedAt, () => output.slice(fixedBefore).includes(`${relative}  沒有發現問題`)),
	);
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const result = {
	corpus: documents > 0 ? `${documents} generated documents` : 'content/documents',
	readyMs: Math.round(ready),
	firstPageMs: Math.round(first),
	editToVisibleMs: { median: Math.round(median(times)), max: Math.round(Math.max(...times)), runs: times.map(Math.round) },
	/** A broken reference saved: the Problem line in the terminal, the 預覽檢查 box on the page; the fix: 「沒有發現問題」. */
	findingMs: Object.fromEntries(
		Object.entries(findingTimes).map(([key, list]) => [
			key,
			{ median: Math.round(median(list)), max: Math.round(Math.max(...list)), runs: list.map(Math.round) },
		]),
	),
	restarted: /Restarting/.test(output),
};
writeFileSync(join(root, base, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
stop();
process.exit(result.restarted ? 1 : 0);
