import { failureLine, failureStack } from '../lib/failure.ts';
import { readSiteSettings } from '../lib/site/settings.ts';
import { formatProblem, sortProblems, summarizeProblems, type Problem } from '../lib/problems.ts';

/**
 * Why the portal stops a build: a document controller's mistake (or a setting), never a crash. Thrown
 * from an Astro hook, it is what Astro expects of an integration that cannot go on: Astro prints the
 * message and exits with code 1. The message is the whole report — one line per problem in the
 * portal's Problem format, then the summary — and the error carries no stack, so Astro prints none
 * (its formatter shows a stack only when the error has one).
 */
export class PortalBuildError extends Error {
	/** The problem lines, as printed. */
	readonly lines: readonly string[];
	constructor(lines: readonly string[], summary: string, outcome = '建置中止，未輸出任何頁面。') {
		super([...lines, '', `${summary}；${outcome}`].join('\n'));
		this.name = 'PortalBuildError';
		this.lines = lines;
		// Astro's error formatter prints `Stack trace:` only for an error that has one.
		this.stack = '';
	}
}

/** The build stops on these problems (sorted, one line each, with the count of errors and warnings). */
export function problemsError(problems: readonly Problem[]): PortalBuildError {
	const sorted = sortProblems(problems);
	return new PortalBuildError(sorted.map(formatProblem), summarizeProblems(sorted));
}

/** A setting the build cannot use (the portal's configuration, a PORTAL_* variable). */
export function settingError(line: string, summary: string): PortalBuildError {
	return new PortalBuildError([line], summary);
}

/**
 * Runs a step of the build; an exception nobody foresaw stops the build like a problem: one line
 * (what failed, the file when known, 請回報), the stack only with PORTAL_DEBUG=1.
 */
export function guarded<T>(task: string, fn: () => T, env: Record<string, string | undefined> = process.env): T {
	try {
		return fn();
	} catch (error) {
		if (error instanceof PortalBuildError) throw error;
		const lines = [failureLine(error, task)];
		if (env.PORTAL_DEBUG === '1') lines.push(failureStack(error));
		throw new PortalBuildError(lines, '發生未預期的錯誤');
	}
}

/**
 * PORTAL_SITE_URL and PORTAL_BASE_PATH for astro.config.mjs. A bad value stops `astro` while it loads its
 * configuration (「Unable to load your Astro config」, then the line naming the variable), exit code 1.
 */
export function siteSettings(env: Record<string, string | undefined>): { site?: string; base?: string } {
	try {
		return readSiteSettings(env);
	} catch (error) {
		throw settingError(`(環境變數)  error  config/env  ${(error as Error).message}`, '建置設定有誤');
	}
}
