/**
 * The last resort for a fault the checks did not foresee: an exception while handling a file is
 * tagged with the file, and the command line tools and the build print it as one line in the
 * problem format (what failed, the file, 請回報) instead of a stack trace. The stack is shown only
 * with PORTAL_DEBUG=1.
 */
export class FileFailure extends Error {
	readonly file: string;
	override readonly cause: unknown;
	constructor(file: string, cause: unknown) {
		super(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
		this.name = 'FileFailure';
		this.file = file;
		this.cause = cause;
	}
}

/** Runs `fn` for one file; an unexpected exception comes out as a FileFailure naming the file. */
export function withFile<T>(file: string, fn: () => T): T {
	try {
		return fn();
	} catch (error) {
		throw error instanceof FileFailure ? error : new FileFailure(file, error);
	}
}

/**
 * One line for an unexpected exception: `<file>:1:1  error  internal/error  <task>時…；請回報…`
 * (`(入口網)` when no file is known). The cause's own message follows, without its stack.
 */
export function failureLine(error: unknown, task: string): string {
	const file = error instanceof FileFailure ? error.file : undefined;
	const cause = error instanceof FileFailure ? error.cause : error;
	const name = cause instanceof Error ? cause.name : typeof cause;
	const detail = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0]!.slice(0, 300);
	const where = file ? `${file}:1:1` : '(入口網)';
	const what = file ? `${task}時處理此檔案發生未預期的錯誤` : `${task}時發生未預期的錯誤`;
	return `${where}  error  internal/error  ${what}（${name}：${detail}）；這是入口網本身的問題，請將此訊息回報給入口網維護人員（設定 PORTAL_DEBUG=1 再執行可看到詳細資訊）`;
}

/** The stack of the error behind a failure, for PORTAL_DEBUG=1. */
export function failureStack(error: unknown): string {
	const cause = error instanceof FileFailure ? error.cause : error;
	return cause instanceof Error && cause.stack ? cause.stack : String(cause);
}
