import { failureLine, failureStack } from '../lib/failure.ts';
import { readSiteSettings } from '../lib/site/settings.ts';

/**
 * Prints problems one per line and ends the process with exit code 1, without a stack trace:
 * a document controller's typo is not a crash. Used only at build time, before anything is written.
 */
export function reportAndExit(lines: readonly string[], summary: string): never {
	for (const line of lines) process.stderr.write(`${line}\n`);
	process.stderr.write(`\n${summary}；建置中止，未輸出任何頁面。\n`);
	process.exit(1);
}

/**
 * Runs a step of the build; an exception nobody foresaw ends the build like a problem: one line
 * (what failed, the file when known, 請回報), exit code 1, the stack only with PORTAL_DEBUG=1.
 */
export function guarded<T>(task: string, fn: () => T): T {
	try {
		return fn();
	} catch (error) {
		const lines = [failureLine(error, task)];
		if (process.env.PORTAL_DEBUG === '1') lines.push(failureStack(error));
		return reportAndExit(lines, '發生未預期的錯誤');
	}
}

/** PORTAL_SITE_URL and PORTAL_BASE_PATH for astro.config.mjs; a bad value ends the build like any setting. */
export function siteSettings(env: Record<string, string | undefined>): { site?: string; base?: string } {
	try {
		return readSiteSettings(env);
	} catch (error) {
		return reportAndExit([`(環境變數)  error  config/env  ${(error as Error).message}`], '建置設定有誤');
	}
}
