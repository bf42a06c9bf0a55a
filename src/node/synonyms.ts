import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../lib/problems.ts';
import { parseSynonymsFile, type SynonymsFile } from '../lib/search/synonyms-file.ts';

/** Reads the document controller's synonym list (optional: without the file only the defaults apply). */
export function loadSynonymsFile(root: string, file: string): SynonymsFile {
	const path = join(root, file);
	if (!existsSync(path)) return { groups: [], problems: [] };
	let source: string;
	try {
		source = readFileSync(path, 'utf8');
	} catch (error) {
		const problem: Problem = {
			file,
			line: 1,
			column: 1,
			severity: 'error',
			rule: 'synonyms/unreadable',
			message: `無法讀取同義詞檔：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}；請確認它是一般文字檔`,
		};
		return { groups: [], problems: [problem] };
	}
	return parseSynonymsFile(source, file);
}
