import type { AstroIntegrationLogger } from 'astro';
import { failureLine, failureStack } from '../lib/failure.ts';
import { readSiteSettings } from '../lib/site/settings.ts';
import { formatProblem, hasErrors, sortProblems, summarizeProblems, type Problem } from '../lib/problems.ts';

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

/**
 * The problems of an analysis, sorted: a build with errors stops on them (one list, thrown); a passing build
 * leaves its warnings to `npm run check`; `astro dev` (and `astro sync`) shows every one in the terminal and
 * goes on (the dev server also shows them beside each page).
 */
export function reportProblems(
	problems: readonly Problem[],
	command: string,
	logger: Pick<AstroIntegrationLogger, 'error' | 'warn'>,
): void {
	const sorted = sortProblems(problems);
	if (command === 'build') {
		if (hasErrors(sorted)) throw problemsError(sorted);
		return;
	}
	for (const problem of sorted) (problem.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(problem));
}

/**
 * The bundler's log filter (Vite `build.rolldownOptions.onLog`): Astro marks every MDX module (the help
 * pages) with a directive the bundler warns about, a ten-line warning each (withastro/astro#18087), kept out of
 * build logs; everything else is passed on.
 */
export function quietDirectives(
	level: string,
	log: { code?: string; message: string },
	handler: (level: string, log: unknown) => void,
): void {
	if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
	handler(level, log);
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
