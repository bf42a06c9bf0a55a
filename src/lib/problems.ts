/**
 * One problem format for everything the portal checks (frontmatter, layout, versions, references):
 * `path:line:col  severity  rule-id  message`, like a linter, with the message in Traditional Chinese.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	line: number;
	column: number;
	severity: Severity;
	rule: string;
	message: string;
}

export function formatProblem(problem: Problem): string {
	return `${problem.file}:${problem.line}:${problem.column}  ${problem.severity}  ${problem.rule}  ${problem.message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
	return [...problems].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule));
}

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
	const counts: Record<Severity, number> = { error: 0, warning: 0 };
	for (const problem of problems) counts[problem.severity] += 1;
	return counts;
}

/** `共 2 個錯誤、1 個警告` */
export function summarizeProblems(problems: readonly Problem[]): string {
	const { error, warning } = countBySeverity(problems);
	return `共 ${error} 個錯誤、${warning} 個警告`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
	return problems.some((problem) => problem.severity === 'error');
}

/** Code-point order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
