/**
 * Prints problems one per line and ends the process with exit code 1, without a stack trace:
 * a document controller's typo is not a crash. Used only at build time, before anything is written.
 */
export function reportAndExit(lines: readonly string[], summary: string): never {
	for (const line of lines) process.stderr.write(`${line}\n`);
	process.stderr.write(`\n${summary}；建置中止，未輸出任何頁面。\n`);
	process.exit(1);
}
