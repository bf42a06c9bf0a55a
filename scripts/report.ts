/**
 * npm run report [-- --fail-on gaps,overdue]
 * The compliance summary for CI logs: SoA coverage and gaps, overdue reviews. Exits 1 when a
 * condition named in --fail-on holds (and 1 on corpus errors, like the build).
 */
import { parseArgs } from 'node:util';
import { guardCli } from './cli-guard.ts';
import { buildPortal } from '../src/node/portal.ts';
import { formatProblem, hasErrors, sortProblems } from '../src/lib/problems.ts';
import { complianceReport, FAIL_ON, type FailOn } from '../src/lib/site/report.ts';
import { portalSetup } from './portal-config.ts';

guardCli('產生合規報告');

const usage = '用法：npm run report -- [--fail-on gaps,overdue]';
let values;
try {
	({ values } = parseArgs({ options: { 'fail-on': { type: 'string', default: '' } } }));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n${usage}\n`);
	process.exit(2);
}
const failOn = values['fail-on']
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
const unknown = failOn.filter((condition) => !FAIL_ON.includes(condition as FailOn));
if (unknown.length > 0) {
	process.stderr.write(`--fail-on 只接受 ${FAIL_ON.join('、')}，收到「${unknown.join('、')}」\n${usage}\n`);
	process.exit(2);
}

const root = process.cwd();
const { config, settings } = await portalSetup(root);
const { model, problems } = buildPortal(root, config, settings);
if (hasErrors(problems)) {
	process.stderr.write(`${sortProblems(problems).map(formatProblem).join('\n')}\n文件有錯誤，請先執行 npm run check 修正。\n`);
	process.exit(1);
}
const report = complianceReport(model, failOn as FailOn[]);
process.stdout.write(report.text);
if (report.failures.length > 0) {
	process.stdout.write(
		`\n未通過：${report.failures.map((f) => (f === 'gaps' ? '適用性聲明書有缺口' : '有文件逾期未評估檢討')).join('、')}\n`,
	);
	process.exit(1);
}
