import type { LoadedControls } from '../lib/documents/analysis.ts';
import { withFile } from '../lib/failure.ts';
import { readSourceFile } from './source-file.ts';
import { parseCatalogue, type Catalogue } from '../lib/soa/catalogue.ts';
import { makeCrosswalk, parseCrosswalk } from '../lib/soa/crosswalk.ts';
import { CONTROL_FILES, type Edition } from '../lib/soa/ids.ts';
import type { Problem } from '../lib/problems.ts';

export type { LoadedControls };

/** Reads both catalogues and the crosswalk from `<root>/<dir>`; files are reported relative to root. */
export function loadControls(root: string, dir = 'content/controls'): LoadedControls {
	const problems: Problem[] = [];
	const read = (name: string): { source?: string; file: string } => {
		const file = `${dir.replace(/\\/g, '/').replace(/\/+$/, '')}/${name}`;
		// Never through a symbolic link, only a regular UTF-8 file within the size limits (source-file.ts).
		const source = readSourceFile(root, file);
		if (source.ok) return { source: source.text, file };
		problems.push(
			source.missing ? { ...source.problem, rule: 'catalogue/missing-file', message: `找不到控制措施檔案 ${file}` } : source.problem,
		);
		return { file };
	};
	const catalogue = (edition: Edition): Catalogue | undefined => {
		const { source, file } = read(CONTROL_FILES[edition]);
		if (source === undefined) return undefined;
		const result = withFile(file, () => parseCatalogue(source, file, edition));
		problems.push(...result.problems);
		return result.catalogue;
	};
	const c2013 = catalogue('2013');
	const c2022 = catalogue('2022');
	const { source, file } = read(CONTROL_FILES.crosswalk);
	let crosswalk = makeCrosswalk([]);
	if (source !== undefined && c2013 && c2022) {
		const { problems: crosswalkProblems, ...parsed } = withFile(file, () => parseCrosswalk(source, file, c2013, c2022));
		problems.push(...crosswalkProblems);
		crosswalk = parsed;
	}
	return { c2013, c2022, crosswalk, problems };
}
