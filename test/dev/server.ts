import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { hostEnv, ROOT } from '../build/build.ts';

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface DevServer {
	/** `http://127.0.0.1:<port>/` */
	url: string;
	/** Everything the server printed so far (stdout and stderr). */
	output(): string;
	get(path: string): Promise<{ status: number; text: string }>;
	stop(): Promise<void>;
}

/** A copy of a fixture corpus under test/.tmp/ (inside the project, where the dev server watches): its folder, relative. */
export function copyFixture(name: string, label: string): string {
	const dir = `test/.tmp/${label}/documents`;
	rmSync(join(ROOT, `test/.tmp/${label}`), { recursive: true, force: true });
	mkdirSync(join(ROOT, dir), { recursive: true });
	cpSync(join(ROOT, 'test/fixtures', name), join(ROOT, dir), { recursive: true });
	return dir;
}

/**
 * Starts `astro dev` as a staff member's `npm run dev` does, on 127.0.0.1 and a port the system picks,
 * and resolves once it says where it listens (generous: a busy machine takes tens of seconds).
 */
export async function startDevServer(env: Record<string, string>, timeoutMs = 180_000): Promise<DevServer> {
	const child = spawn(process.execPath, [ASTRO, 'dev', '--host', '127.0.0.1', '--port', '0'], {
		cwd: ROOT,
		env: { ...hostEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
		// Its own process group: stopped with everything it started.
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`astro dev did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
		const check = () => {
			const found = /Local\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
			if (found) {
				clearTimeout(timer);
				resolve(found[1]!);
			}
		};
		child.stdout!.on('data', check);
		child.stderr!.on('data', check);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`astro dev exited (${code}):\n${output}`));
		});
	});
	return {
		url,
		output: () => output,
		async get(path) {
			const response = await fetch(new URL(path.replace(/^\//, ''), url), { redirect: 'manual', signal: AbortSignal.timeout(120_000) });
			return { status: response.status, text: await response.text() };
		},
		stop: () => stop(child),
	};
}

function stop(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		try {
			process.kill(-child.pid!, 'SIGTERM');
		} catch {
			resolve();
		}
	});
}

/**
 * Asks for a page until `accept` says it shows what is expected (the dev server takes a moment after a
 * file is saved), and returns it with the time it took. Fails after `timeoutMs` with the last answer.
 */
export async function waitForPage(
	server: DevServer,
	path: string,
	accept: (page: { status: number; text: string }) => boolean,
	timeoutMs = 60_000,
): Promise<{ status: number; text: string; ms: number }> {
	const started = performance.now();
	let last: { status: number; text: string } | undefined;
	while (performance.now() - started < timeoutMs) {
		last = await server.get(path);
		if (accept(last)) return { ...last, ms: performance.now() - started };
		await new Promise((resolve) => setImmediate(resolve));
	}
	throw new Error(
		`${path} did not show what was expected within ${timeoutMs} ms (last status ${last?.status}):\n${last?.text.slice(0, 2000)}\n--- server output ---\n${server.output().slice(-4000)}`,
	);
}
