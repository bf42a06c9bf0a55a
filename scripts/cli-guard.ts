/**
 * The last resort of every command line tool: an exception nobody foresaw ends the tool with one
 * line in the problem format (what failed, the file when known, 請回報) and exit code 1, never a
 * stack trace; PORTAL_DEBUG=1 adds the stack for the maintainers.
 */
import { failureLine, failureStack } from '../src/lib/failure.ts';

/** Installs the guard for a tool; `task` names what it does, e.g. 檢查文件. */
export function guardCli(task: string): void {
	const fail = (error: unknown) => {
		process.stderr.write(`${failureLine(error, task)}\n`);
		if (process.env.PORTAL_DEBUG === '1') process.stderr.write(`${failureStack(error)}\n`);
		process.exit(1);
	};
	process.on('uncaughtException', fail);
	process.on('unhandledRejection', fail);
}
