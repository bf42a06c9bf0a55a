import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { missingFiles, missingImages } from '../../src/node/asset-files.ts';
import { dv, makeTree, removeTempDirs } from '../unit/_helpers.ts';

/** The file side of a version's attachments and images (src/node/asset-files.ts), read on every analysis. */
afterEach(removeTempDirs);

const FILE = 'content/documents/ISMS-P-005/1.0.mdx';

describe('missingFiles / missingImages', () => {
	it('names a missing attachment at its list item, a repeated name, and a missing image at its place', () => {
		const root = makeTree({ 'content/documents/ISMS-P-005/assets/1.0/a.odt': 'x' });
		const version = dv('ISMS-P-005', '1.0', '2025-01-01', {
			file: FILE,
			attachments: ['./assets/1.0/a.odt', './assets/1.0/b.pdf', './assets/1.1/a.odt'],
			fieldPositions: {
				'attachments.0': { line: 8, column: 15 },
				'attachments.1': { line: 8, column: 35 },
				'attachments.2': { line: 8, column: 55 },
			},
		});
		const lines = missingFiles(root, version, [{ url: './assets/1.0/flow.png', line: 12, column: 1 }]).map(formatProblem);
		expect(lines).toEqual([
			`${FILE}:8:35  error  asset/missing  附件「./assets/1.0/b.pdf」不存在（找不到 content/documents/ISMS-P-005/assets/1.0/b.pdf）；請把檔案放到 content/documents/ISMS-P-005/assets/1.0/，或修正路徑`,
			`${FILE}:8:55  error  asset/duplicate-attachment  附件「./assets/1.1/a.odt」與前面的附件同名；同一版次的附件以檔名下載，檔名不可重複，請改名`,
			`${FILE}:12:1  error  asset/missing  圖片「./assets/1.0/flow.png」不存在（找不到 content/documents/ISMS-P-005/assets/1.0/flow.png）；請把圖檔放到 content/documents/ISMS-P-005/assets/1.0/，或修正路徑`,
		]);
	});

	it('finds nothing when the files are there', () => {
		const root = makeTree({ 'content/documents/ISMS-P-005/assets/1.0/flow.png': 'png' });
		expect(missingImages(root, FILE, [{ url: './assets/1.0/flow.png', line: 3, column: 1 }])).toEqual([]);
		expect(missingFiles(root, dv('ISMS-P-005', '1.0', '2025-01-01', { file: FILE }), [])).toEqual([]);
	});
});
