/**
 * Runs a command in its own process group and measures it: wall time, the RSS summed over its process tree
 * (/proc polled every 100 ms: Node and the processes it starts, Pagefind's included), the largest single
 * process, the CPU time of every process seen, and the time of marker lines in its output (build phases).
 * Shared pages are counted once per process, so the sum errs on the high side.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { mib, seconds } from './stats.ts';

export const POLL_MS = 100;
const CLOCK_TICKS = 100;
const PAGE_SIZE = 4096;

export interface RunResult {
	status: number | null;
	output: string;
	wallMs: number;
	treePeakRssBytes: number;
	/** When the tree peak was sampled (seconds into the run) and its processes over 10 MiB. */
	treePeakAt: string;
	maxProcessRssBytes: number;
	maxProcesses: number;
	/** Wall and CPU time (of the whole tree) when each marker line appeared, in order. */
	marks: { wallMs: number; cpuMs: number }[];
	/** CPU time of every process seen in the tree, at its last /proc sample. */
	lastCpuMs: number;
}

export interface RunOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** Every output line, prefixed with the seconds since the start, is written here. */
	logFile?: string;
	/** Patterns of the lines that start each phase after the first, in order. */
	markers?: RegExp[];
}

export function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
	const markers = options.markers ?? [];
	return new Promise((resolvePromise) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const sink = options.logFile ? createWriteStream(options.logFile) : undefined;
		let output = '';
		const marks: { wallMs: number; cpuMs: number }[] = [];
		// CPU time of every process seen in the tree, last sample: exited processes keep their last value
		// (a process Node does not wait for, like Pagefind's, never reaches /usr/bin/time's %U+%S).
		const cpuSeen = new Map<number, number>();
		const sampleCpu = (pid: number) => {
			const tree = processTree(pid);
			for (const [p, ms] of tree.cpuMs) cpuSeen.set(p, ms);
			return tree;
		};
		const cpuTotal = () => [...cpuSeen.values()].reduce((a, b) => a + b, 0);
		const partial = { stdout: '', stderr: '' };
		const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
			const lines = (partial[stream] + chunk.toString('utf8')).split('\n');
			partial[stream] = lines.pop()!;
			const stamp = ((performance.now() - started) / 1000).toFixed(2);
			for (const l of lines) {
				if (marks.length < markers.length && markers[marks.length]!.test(l) && child.pid !== undefined) {
					sampleCpu(child.pid);
					marks.push({ wallMs: performance.now() - started, cpuMs: cpuTotal() });
				}
				const stamped = `${stamp}s ${l}\n`;
				output += stamped;
				sink?.write(stamped);
			}
		};
		child.stdout.on('data', onData('stdout'));
		child.stderr.on('data', onData('stderr'));
		let treePeak = 0;
		let processPeak = 0;
		let maxProcesses = 0;
		let peakParts = '';
		let peakAtMs = 0;
		const poll = () => {
			if (child.pid === undefined) return;
			const tree = sampleCpu(child.pid);
			if (tree.rss > treePeak) {
				treePeak = tree.rss;
				peakParts = tree.parts;
				peakAtMs = performance.now() - started;
			}
			processPeak = Math.max(processPeak, tree.largest);
			maxProcesses = Math.max(maxProcesses, tree.count);
		};
		const timer = setInterval(poll, POLL_MS);
		child.on('close', (status) => {
			const wallMs = performance.now() - started;
			clearInterval(timer);
			for (const stream of ['stdout', 'stderr'] as const) {
				if (partial[stream]) {
					output += `${partial[stream]}\n`;
					sink?.write(`${partial[stream]}\n`);
				}
			}
			sink?.end();
			resolvePromise({
				status,
				output,
				wallMs,
				treePeakRssBytes: treePeak,
				treePeakAt: `${seconds(peakAtMs)}: ${peakParts}`,
				maxProcessRssBytes: processPeak,
				maxProcesses,
				marks,
				lastCpuMs: cpuTotal(),
			});
		});
	});
}

/** RSS of `rootPid` and all its descendants, from /proc/<pid>/stat. */
function processTree(rootPid: number): { rss: number; largest: number; count: number; parts: string; cpuMs: Map<number, number> } {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	const names = new Map<number, string>();
	const cpu = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${name}/stat`, 'utf8');
		} catch {
			continue; // exited meanwhile
		}
		// "pid (comm) state ppid … rss(24th field)"; comm may contain spaces and parentheses.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const pid = Number(name);
		const ppid = Number(fields[1]);
		rss.set(pid, Number(fields[21]) * PAGE_SIZE);
		names.set(pid, stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
		// utime + stime of the process itself (its threads included).
		cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
		const list = children.get(ppid) ?? [];
		list.push(pid);
		children.set(ppid, list);
	}
	let total = 0;
	let largest = 0;
	let count = 0;
	const cpuMs = new Map<number, number>();
	const parts: string[] = [];
	const stack = [rootPid];
	while (stack.length > 0) {
		const pid = stack.pop()!;
		const value = rss.get(pid);
		if (value !== undefined) {
			total += value;
			largest = Math.max(largest, value);
			count++;
			cpuMs.set(pid, cpu.get(pid) ?? 0);
			if (value >= 10 * 1024 ** 2) parts.push(`${names.get(pid)} ${mib(value)}`);
		}
		stack.push(...(children.get(pid) ?? []));
	}
	return { rss: total, largest, count, parts: parts.join(' + '), cpuMs };
}
