import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CorpusAnalysis } from '../lib/documents/analysis.ts';
import type { BuildSettings } from '../lib/site/settings.ts';
import type { PortalConfig } from '../schemas/config.ts';
import type { Problem } from '../lib/problems.ts';
import type { Soa } from '../lib/soa/data.ts';
import { parseSoa } from '../lib/soa/data.ts';
import { migrateSoa, soaYaml, type Migration } from '../lib/soa/migrate.ts';
import { compareVersions, isVersion } from '../lib/documents/version.ts';

export interface MigrationRequest {
	config: PortalConfig;
	settings: BuildSettings;
	analysis: CorpusAnalysis;
	version?: string;
	effective?: string;
}

export type MigrationPlan = { file: string; migration: Migration; source: Soa } | { problem: Problem };

/**
 * Checks that a 2013 SoA is in force and that the new version is new (never overwrites), writes
 * `<soaDir>/<version>.yaml` whole (a temporary file renamed into place) and returns what it did; or
 * the one problem that stopped it, with nothing written.
 */
export function planMigration(root: string, request: MigrationRequest): MigrationPlan {
	const { analysis, config, settings } = request;
	const dir = (settings.soaDir ?? config.soaDir).replace(/\\/g, '/').replace(/\/+$/, '');
	const problem = (file: string, rule: string, message: string): MigrationPlan => ({
		problem: { file, line: 1, column: 1, severity: 'error', rule: `soa-migrate/${rule}`, message },
	});
	const source = analysis.soa;
	const { c2013, c2022, crosswalk } = analysis.controls;
	if (!source)
		return problem(
			settings.soaFile ?? config.soaFile,
			'no-soa',
			`沒有生效中的適用性聲明書可供移轉（${config.soaFile} 或 ${dir}/<版次>.yaml，生效日期不晚於今天）`,
		);
	if (source.catalogue === '2022')
		return problem(source.file, 'already-2022', `生效中的適用性聲明書第 ${source.version} 版已採 ISO/IEC 27001:2022，無需移轉`);
	if (!c2013 || !c2022 || crosswalk.mappings.length === 0)
		return problem(config.controlsDir, 'no-crosswalk', '控制措施目錄或對照表無法讀取，無法移轉');
	const latest = analysis.soaVersions[0]!.soa;
	const version = request.version ?? `${Number(latest.version.split('.')[0]) + 1}.0`;
	const file = `${dir}/${version}.yaml`;
	if (!isVersion(version)) return problem(file, 'invalid-version', `--version「${version}」不是「主版.次版」格式的版次，例如 2.0`);
	if (existsSync(join(root, file)))
		return problem(
			file,
			'exists',
			`${file} 已存在；soa:migrate 不覆寫既有檔案。請先檢視該檔，若要重新產生，請移除或改名後再執行，或以 --version 指定其他版次`,
		);
	const taken = analysis.soaVersions.find((v) => compareVersions(v.soa.version, version) >= 0);
	if (taken)
		return problem(
			file,
			'version-not-newer',
			`版次 ${version} 不大於既有的第 ${taken.soa.version} 版（${taken.soa.file}）；新版次須大於所有既有版次`,
		);
	const effective = request.effective ?? settings.today;
	if (effective < source.effective)
		return problem(file, 'effective-too-early', `生效日期 ${effective} 早於第 ${source.version} 版的生效日期 ${source.effective}`);

	const migration = migrateSoa({ soa: source, c2013, c2022, crosswalk, version, effective });
	const text = soaYaml(migration.soa, c2022, [
		`適用性聲明書（Statement of Applicability），依 ISO/IEC 27001:2022 附錄 A（CNS 27001:2023）。`,
		`由第 ${source.version} 版（${source.file}，ISO/IEC 27001:2013）以 npm run soa:migrate 依對照表產生；`,
		'核定前請檢視合併之控制措施及 2022 版新增、待評估之控制措施（note），評估後填寫 lastReviewed。',
	]);
	// The result must pass the checks it will meet: never write a file the build would reject.
	const check = parseSoa(text, file, { '2013': c2013, '2022': c2022 }, crosswalk);
	const errors = check.problems.filter((p) => p.severity === 'error');
	if (errors.length > 0 || !check.soa)
		return problem(file, 'internal', `產生的內容未通過檢查（${errors.map((p) => p.message).join('；')}）；未寫入`);
	mkdirSync(dirname(join(root, file)), { recursive: true });
	const temporary = join(root, `${file}.tmp-${process.pid}`);
	writeFileSync(temporary, text, { flag: 'wx' });
	renameSync(temporary, join(root, file));
	return { file, migration: { ...migration, soa: { ...migration.soa, file } }, source };
}
