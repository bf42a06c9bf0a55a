/**
 * npm run soa:migrate -- --to 2022 [--version 2.0] [--effective YYYY-MM-DD]
 * Writes the next SoA version on the 2022 catalogue from the 2013 version in force
 * (src/lib/soa/migrate.ts), into the SoA folder (content/soa/<VERSION>.yaml). Never overwrites.
 */
import { parseArgs } from 'node:util';
import { analyzeCorpus } from '../src/node/analyze.ts';
import { formatRocDate, parseIsoDate } from '../src/lib/documents/dates.ts';
import { formatProblem, hasErrors, sortProblems, type Problem } from '../src/lib/problems.ts';
import { planMigration } from '../src/node/soa-migrate.ts';
import { portalSetup } from './portal-config.ts';

const usage = '用法：npm run soa:migrate -- --to 2022 [--version 2.0] [--effective YYYY-MM-DD]';
let values;
try {
	({ values } = parseArgs({ options: { to: { type: 'string' }, version: { type: 'string' }, effective: { type: 'string' } } }));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n${usage}\n`);
	process.exit(2);
}
if (values.to !== '2022') {
	process.stderr.write(
		`${values.to === undefined ? '請以 --to 2022 指定移轉的目標版本' : `--to 只接受 2022（ISO/IEC 27001:2022），收到「${values.to}」`}\n${usage}\n`,
	);
	process.exit(2);
}
if (values.effective !== undefined && !parseIsoDate(values.effective)) {
	process.stderr.write(`--effective 應為 YYYY-MM-DD 格式的實際日期，收到「${values.effective}」\n${usage}\n`);
	process.exit(2);
}

const root = process.cwd();
const { config, settings } = await portalSetup(root);
const analysis = analyzeCorpus(root, config, settings);
function fail(problems: readonly Problem[], hint: string): never {
	process.stderr.write(`${sortProblems(problems).map(formatProblem).join('\n')}\n${hint}\n`);
	process.exit(1);
}
const blocking = analysis.problems.filter((p) => p.severity === 'error' && /^(soa|catalogue|crosswalk)\//.test(p.rule));
if (hasErrors(blocking)) fail(blocking, '適用性聲明書或控制措施檔案有錯誤，未移轉；請先修正（npm run check）。');

const plan = planMigration(root, {
	config,
	settings,
	analysis,
	...(values.version ? { version: values.version } : {}),
	...(values.effective ? { effective: values.effective } : {}),
});
if ('problem' in plan) fail([plan.problem], '未寫入任何檔案。');
const { file, migration, source } = plan;
const { summary } = migration;
process.stdout.write(
	[
		`已寫入 ${file}：適用性聲明書第 ${migration.soa.version} 版（ISO/IEC 27001:2022），由第 ${source.version} 版（ISO/IEC 27001:2013）移轉，${formatRocDate(migration.soa.effective)}生效。`,
		`  更名 ${summary.renamed.length} 項：資料沿用`,
		`  合併 ${summary.merged.length} 項：選用理由、權責單位及佐證合併，實施狀態取最低者，note 註明源自之 2013 版控制措施`,
		`  新增 ${summary.awaiting.length} 項：列為適用、規劃中，待評估（${summary.awaiting.join('、')}）；npm run report 列為待辦，評估後填寫 status 及 lastReviewed`,
		`  理由中之 2013 版編號：依對照表改寫 ${summary.rewritten.length} 處${summary.flagged.length > 0 ? `；待確認 ${summary.flagged.length} 處（${summary.flagged.map((f) => `${f.id} 的 ${f.cited}`).join('、')}），已於 note 標示〔待確認〕` : ''}`,
		'',
		`接著：檢視並完成 ${file}（核准、修訂說明、待評估之控制措施），再執行 npm run check 及 npm run report。`,
		'',
	].join('\n'),
);
