import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withFile } from '../lib/failure.ts';
import type { Problem } from '../lib/problems.ts';
import { readSourceFile } from './source-file.ts';
import type { Catalogues, Crosswalk } from '../lib/soa/crosswalk.ts';
import { parseSoa, type Soa } from '../lib/soa/data.ts';

export interface SoaSources {
	/** A single SoA file (`content/soa.yaml`), relative to the root; optional. */
	file?: string;
	/** A folder of SoA versions (`content/soa/<VERSION>.yaml`), relative to the root; optional. */
	dir?: string;
	/** The sources were named by PORTAL_SOA_FILE / PORTAL_SOA_DIR: a mistyped path must not pass as "no SoA data". */
	fromEnv?: boolean;
}

/**
 * Reads every SoA version: `content/soa.yaml` (one version, as before versions existed) and
 * `content/soa/<VERSION>.yaml`. Neither is required: without SoA data every control is listed as
 * missing. A file in the folder must be named after its version, like documents.
 */
export function loadSoaVersions(
	root: string,
	sources: SoaSources,
	catalogues: Catalogues,
	crosswalk: Crosswalk,
): { soas: Soa[]; problems: Problem[] } {
	const soas: Soa[] = [];
	const problems: Problem[] = [];
	const read = (file: string, expectedVersion?: string, optional = false) => {
		// Never through a symbolic link, only a regular UTF-8 file within the size limits (source-file.ts).
		const source = readSourceFile(root, file);
		if (!source.ok) {
			if (source.missing && optional) return;
			problems.push(
				source.missing && sources.fromEnv
					? {
							...source.problem,
							rule: 'config/env',
							message: `環境變數 PORTAL_SOA_FILE 指定的適用性聲明書檔案 ${file} 不存在；請修正路徑，或取消此設定以使用預設的 content/soa.yaml 與 content/soa/`,
						}
					: source.problem,
			);
			return;
		}
		const result = withFile(file, () => parseSoa(source.text, file, catalogues, crosswalk));
		problems.push(...result.problems);
		if (!result.soa) return;
		if (expectedVersion !== undefined && result.soa.version !== expectedVersion) {
			problems.push({
				file,
				line: 1,
				column: 1,
				severity: 'error',
				rule: 'soa/version-mismatch',
				message: `version（版次）「${result.soa.version}」與檔名「${expectedVersion}.yaml」不符；檔名必須等於版次，例如 ${result.soa.version}.yaml`,
			});
			return;
		}
		soas.push(result.soa);
	};
	if (sources.file) read(sources.file, undefined, !sources.fromEnv);
	const dir = sources.dir?.replace(/\\/g, '/').replace(/\/+$/, '');
	const dirStats = dir ? lstatSync(join(root, dir), { throwIfNoEntry: false }) : undefined;
	if (dir && sources.fromEnv && !dirStats) {
		problems.push({
			file: dir,
			line: 1,
			column: 1,
			severity: 'error',
			rule: 'config/env',
			message: `環境變數 PORTAL_SOA_DIR 指定的適用性聲明書資料夾 ${dir} 不存在；請修正路徑，或取消此設定`,
		});
	} else if (dir && dirStats?.isSymbolicLink()) {
		problems.push({
			file: dir,
			line: 1,
			column: 1,
			severity: 'error',
			rule: 'layout/symlink',
			message: '這是符號連結（symbolic link），入口網不讀取連結；請放入實際的資料夾',
		});
	} else if (dir && dirStats?.isDirectory()) {
		for (const name of readdirSync(join(root, dir)).sort()) {
			// Dot files are editor and system files (as in the documents folder).
			if (name.startsWith('.')) continue;
			const file = `${dir}/${name}`;
			const match = /^(.+)\.ya?ml$/.exec(name);
			if (!match || name.startsWith('_') || lstatSync(join(root, file)).isDirectory()) {
				problems.push({
					file,
					line: 1,
					column: 1,
					severity: 'error',
					rule: 'soa/stray-file',
					message: `「${name}」不是適用性聲明書版次檔；${dir}/ 內每個版次一個檔案，命名為 <版次>.yaml，例如 2.0.yaml`,
				});
				continue;
			}
			read(file, match[1]);
		}
	}
	return { soas, problems };
}
