import { countBySeverity, formatProblem, summarizeProblems, type Problem } from '../problems.ts';

export type ReportFormat = 'text' | 'github' | 'json' | 'codequality';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'github', 'json', 'codequality'];

/** GitHub Actions workflow-command escaping for data and properties. */
function escapeData(value: string): string {
	return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value: string): string {
	return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The checker's report: `text` like a linter (one line per problem, then a summary), `github` as
 * workflow annotations (`::error file=…,line=…,col=…::…`), `json` for tools, `codequality` as a GitLab
 * Code Quality report (the JSON array `artifacts:reports:codequality` shows in merge requests).
 */
export function formatReport(
	problems: readonly Problem[],
	format: ReportFormat,
	stats: { documents: number; versions: number; ms: number },
): string {
	if (format === 'json') {
		return `${JSON.stringify({ problems, summary: { ...countBySeverity(problems), ...stats } }, null, 2)}\n`;
	}
	if (format === 'codequality') return `${JSON.stringify(problems.map(codeQualityIssue), null, 2)}\n`;
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

/**
 * One issue of GitLab's Code Quality report (a subset of the Code Climate spec): what GitLab reads —
 * description, check_name, fingerprint (unique per issue), severity (info, minor, major, critical,
 * blocker) and location (path, lines.begin).
 */
export interface CodeQualityIssue {
	description: string;
	check_name: string;
	fingerprint: string;
	severity: 'major' | 'minor';
	location: { path: string; lines: { begin: number } };
}

function codeQualityIssue(problem: Problem): CodeQualityIssue {
	return {
		description: problem.message,
		check_name: problem.rule,
		fingerprint: fingerprint([problem.file, problem.line, problem.column, problem.rule, problem.message].join('\u0000')),
		severity: problem.severity === 'error' ? 'major' : 'minor',
		location: { path: problem.file, lines: { begin: problem.line } },
	};
}

/** 128-bit FNV-1a (four 32-bit lanes with different seeds) as 32 hex digits: stable across runs and machines. */
function fingerprint(text: string): string {
	let out = '';
	for (let lane = 0; lane < 4; lane += 1) {
		let hash = (0x811c9dc5 ^ Math.imul(lane, 0x9e3779b9)) >>> 0;
		for (const char of text) {
			hash ^= char.codePointAt(0)!;
			hash = Math.imul(hash, 0x01000193) >>> 0;
		}
		out += hash.toString(16).padStart(8, '0');
	}
	return out;
}
