import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../lib/problems.ts';
import type { Catalogues, Crosswalk } from '../lib/soa/crosswalk.ts';
import { parseSoa, type Soa } from '../lib/soa/data.ts';

export interface SoaSources {
	/** A single SoA file (`content/soa.yaml`), relative to the root; optional. */
	file?: string;
	/** A folder of SoA versions (`content/soa/<VERSION>.yaml`), relative to the root; optional. */
	dir?: string;
}

/**
 * Reads every SoA version: `content/soa.yaml` (one version, as before versions existed) and
 * `content/soa/<VERSION>.yaml`. Neither is required: without SoA data every control is listed as
 * missing. A file in the folder must be named after its version, like documents.
 */
export function loadSoaVersions(root: string, sources: SoaSources, catalogues: Catalogues, crosswalk: Crosswalk): { soas: Soa[]; problems: Problem[] } {
	const soas: Soa[] = [];
	const problems: Problem[] = [];
	const read = (file: string, expectedVersion?: string) => {
		const result = parseSoa(readFileSync(join(root, file), 'utf8'), file, catalogues, crosswalk);
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
	if (sources.file && existsSync(join(root, sources.file)) && statSync(join(root, sources.file)).isFile()) read(sources.file);
	const dir = sources.dir?.replace(/\\/g, '/').replace(/\/+$/, '');
	if (dir && existsSync(join(root, dir)) && statSync(join(root, dir)).isDirectory()) {
		for (const name of readdirSync(join(root, dir)).sort()) {
			if (/^[._]/.test(name)) continue;
			const file = `${dir}/${name}`;
			const match = /^(.+)\.ya?ml$/.exec(name);
			if (!match || statSync(join(root, file)).isDirectory()) {
				problems.push({ file, line: 1, column: 1, severity: 'error', rule: 'soa/stray-file', message: `「${name}」不是適用性聲明書版次檔；${dir}/ 內每個版次一個檔案，命名為 <版次>.yaml，例如 2.0.yaml` });
				continue;
			}
			read(file, match[1]);
		}
	}
	return { soas, problems };
}
