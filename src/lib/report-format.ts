import { countBySeverity, formatProblem, summarizeProblems, type Problem } from './problems.ts';

export type ReportFormat = 'text' | 'github' | 'json';

/** GitHub Actions workflow-command escaping for data and properties. */
function escapeData(value: string): string {
	return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value: string): string {
	return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The checker's report: `text` like a linter (one line per problem, then a summary), `github` as
 * workflow annotations (`::error file=…,line=…,col=…::…`), `json` for tools.
 */
export function formatReport(problems: readonly Problem[], format: ReportFormat, stats: { documents: number; versions: number; ms: number }): string {
	if (format === 'json') {
		return `${JSON.stringify({ problems, summary: { ...countBySeverity(problems), ...stats } }, null, 2)}\n`;
	}
	if (format === 'github') {
		const lines = problems.map(
			(p) =>
				`::${p.severity} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.rule)}::${escapeData(p.message)}`,
		);
		return `${[...lines, summaryLine(problems, stats)].join('\n')}\n`;
	}
	const lines = problems.map(formatProblem);
	return `${[...lines, ...(lines.length > 0 ? [''] : []), summaryLine(problems, stats)].join('\n')}\n`;
}

function summaryLine(problems: readonly Problem[], stats: { documents: number; versions: number; ms: number }): string {
	return `${summarizeProblems(problems)}（檢查 ${stats.documents} 份文件、${stats.versions} 個版次，${Math.round(stats.ms)} ms）`;
}
