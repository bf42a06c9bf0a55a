import { afterEach, describe, it, expect } from 'vitest';
import { loadCorpus, readVersion } from '../../src/node/corpus.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { makeDir, makeTree, mdx, removeTempDirs, versionFields, versionFile } from '../unit/_helpers.ts';

afterEach(removeTempDirs);

const DOCS = 'content/documents';
const load = (root: string, documentsDir = DOCS) => loadCorpus({ root, documentsDir });
const brief = (problems: Problem[]) => problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);

describe('loadCorpus: a valid corpus', () => {
	it('reads one DocumentVersion per file with paths relative to the root', () => {
		const source = mdx(
			versionFields('ISMS-P-005', '1.10', { owner: '資訊室', controls: '[A.9.2.1, A.5.15]' }),
			'## 1. 目的\n\n- 1.1 年度資訊安全目標。\n',
		);
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.10.mdx`]: source });
		const { versions, problems } = load(root);
		expect(problems).toEqual([]);
		expect(versions).toHaveLength(1);
		const version = versions[0]!;
		expect(version).toEqual({
			file: 'content/documents/ISMS-P-005/1.10.mdx',
			id: 'ISMS-P-005/1.10',
			docNo: 'ISMS-P-005',
			title: '資訊安全目標管理程序書',
			version: '1.10',
			tier: 2,
			classification: 'internal',
			effective: '2020-10-16',
			owner: '資訊室',
			reviewEveryMonths: 12,
			lastReviewed: '2020-10-16',
			controls: ['A.9.2.1', 'A.5.15'],
			example: false,
			body: '\n## 1. 目的\n\n- 1.1 年度資訊安全目標。\n',
			bodyLine: 11,
			fieldPositions: {
				docNo: { line: 2, column: 8 },
				title: { line: 3, column: 8 },
				version: { line: 4, column: 10 },
				tier: { line: 5, column: 7 },
				classification: { line: 6, column: 17 },
				effective: { line: 7, column: 12 },
				owner: { line: 8, column: 8 },
				controls: { line: 9, column: 11 },
				'controls.0': { line: 9, column: 12 },
				'controls.1': { line: 9, column: 21 },
			},
		});
		// bodyLine is the file line holding the body's first line
		const fileLines = source.split('\n');
		expect(fileLines[version.bodyLine - 1]).toBe('');
		expect(fileLines[version.bodyLine]).toBe('## 1. 目的');
	});

	it('defaults lastReviewed to effective and keeps it when written', () => {
		const root = makeTree({
			[`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0', { effective: '2021-05-01' }),
			[`${DOCS}/ISMS-P-005/1.1.mdx`]: versionFile('ISMS-P-005', '1.1', { effective: '2022-05-01', lastReviewed: '2024-04-30' }),
		});
		const { versions, problems } = load(root);
		expect(problems).toEqual([]);
		const byVersion = Object.fromEntries(versions.map((v) => [v.version, v.lastReviewed]));
		expect(byVersion).toEqual({ '1.0': '2021-05-01', '1.1': '2024-04-30' });
	});

	it('normalises classification aliases', () => {
		const root = makeTree({ [`${DOCS}/ISMS-R-001/1.0.mdx`]: versionFile('ISMS-R-001', '1.0', { classification: '限閱' }) });
		expect(load(root).versions[0]!.classification).toBe('restricted');
	});

	it('reads every document folder and version file', () => {
		const root = makeTree({
			[`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0'),
			[`${DOCS}/ISMS-P-005/1.9.mdx`]: versionFile('ISMS-P-005', '1.9'),
			[`${DOCS}/ISMS-P-005/1.10.mdx`]: versionFile('ISMS-P-005', '1.10'),
			[`${DOCS}/ISMS-M-001/1.0.mdx`]: versionFile('ISMS-M-001', '1.0', { tier: '1' }),
		});
		const { versions, problems } = load(root);
		expect(problems).toEqual([]);
		expect(versions.map((v) => v.id).sort()).toEqual(['ISMS-M-001/1.0', 'ISMS-P-005/1.0', 'ISMS-P-005/1.10', 'ISMS-P-005/1.9']);
	});

	it('reads a documents folder given as a nested relative path', () => {
		const root = makeTree({ ['test/fixtures/corpus/ISMS-P-005/1.0.mdx']: versionFile('ISMS-P-005', '1.0') });
		const { versions, problems } = load(root, 'test/fixtures/corpus');
		expect(problems).toEqual([]);
		expect(versions.map((v) => v.file)).toEqual(['test/fixtures/corpus/ISMS-P-005/1.0.mdx']);
	});

	it('applies the docNoPattern option', () => {
		const root = makeTree({ [`${DOCS}/POL-07/1.0.mdx`]: versionFile('POL-07', '1.0') });
		expect(brief(load(root).problems)).toEqual(['content/documents/POL-07/1.0.mdx:2:8 error frontmatter/invalid-value']);
		const custom = loadCorpus({ root, documentsDir: DOCS, docNoPattern: '^POL-\\d{2}$' });
		expect(custom.problems).toEqual([]);
		expect(custom.versions.map((v) => v.id)).toEqual(['POL-07/1.0']);
	});
});

describe('loadCorpus: layout', () => {
	it('reports a folder that differs from docNo at the docNo value', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-006/1.0.mdx`]: versionFile('ISMS-P-005', '1.0') });
		const { versions, problems } = load(root);
		expect(versions).toEqual([]);
		expect(brief(problems)).toEqual(['content/documents/ISMS-P-006/1.0.mdx:2:8 error layout/docno-mismatch']);
		expect(problems[0]!.message).toContain('ISMS-P-005');
		expect(problems[0]!.message).toContain('ISMS-P-006');
		expect(problems[0]!.message).toContain('docNo');
	});

	it('reports a file name that differs from version at the version value', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.1.mdx`]: versionFile('ISMS-P-005', '1.0') });
		const { versions, problems } = load(root);
		expect(versions).toEqual([]);
		expect(brief(problems)).toEqual(['content/documents/ISMS-P-005/1.1.mdx:4:10 error layout/version-mismatch']);
		expect(problems[0]!.message).toContain('1.0');
		expect(problems[0]!.message).toContain('1.1.mdx');
		expect(problems[0]!.message).toContain('version');
	});

	it('compares the file name with the version as text (1.10.mdx is not 1.1)', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.10.mdx`]: versionFile('ISMS-P-005', '1.1') });
		expect(brief(load(root).problems)).toEqual(['content/documents/ISMS-P-005/1.10.mdx:4:10 error layout/version-mismatch']);
	});

	it('reports both mismatches of one file', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-006/2.0.mdx`]: versionFile('ISMS-P-005', '1.0') });
		expect(brief(load(root).problems)).toEqual([
			'content/documents/ISMS-P-006/2.0.mdx:2:8 error layout/docno-mismatch',
			'content/documents/ISMS-P-006/2.0.mdx:4:10 error layout/version-mismatch',
		]);
	});

	it('reports a file that is not .mdx', () => {
		const root = makeTree({
			[`${DOCS}/ISMS-P-005/1.0.md`]: versionFile('ISMS-P-005', '1.0'),
			[`${DOCS}/ISMS-P-005/1.0.pdf`]: '%PDF',
			[`${DOCS}/ISMS-P-005/1.1.mdx`]: versionFile('ISMS-P-005', '1.1'),
		});
		const { versions, problems } = load(root);
		expect(versions.map((v) => v.id)).toEqual(['ISMS-P-005/1.1']);
		expect(brief(problems)).toEqual([
			'content/documents/ISMS-P-005/1.0.md:1:1 error layout/stray-file',
			'content/documents/ISMS-P-005/1.0.pdf:1:1 error layout/stray-file',
		]);
		expect(problems[0]!.message).toContain('1.0.md');
	});

	it('reports a folder nested in a document folder and does not read into it', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/old/1.0.mdx`]: versionFile('ISMS-P-005', '1.0') });
		const { versions, problems } = load(root);
		expect(versions).toEqual([]);
		expect(brief(problems)).toEqual(['content/documents/ISMS-P-005/old:1:1 error layout/stray-file']);
		// says it is a folder, not a badly named file
		expect(problems[0]!.message).toContain('資料夾');
	});

	it('accepts the assets/ folder of a document (its images) without reading versions from it', () => {
		const root = makeTree({
			[`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0'),
			[`${DOCS}/ISMS-P-005/assets/1.0/figure-1.png`]: 'png',
			[`${DOCS}/ISMS-P-005/assets/2.0.mdx`]: versionFile('ISMS-P-005', '2.0'),
		});
		const { versions, problems } = load(root);
		expect(versions.map((v) => v.id)).toEqual(['ISMS-P-005/1.0']);
		expect(problems).toEqual([]);
	});

	it('reports a file lying directly in the documents folder', () => {
		const root = makeTree({
			[`${DOCS}/1.0.mdx`]: versionFile('ISMS-P-005', '1.0'),
			[`${DOCS}/README.md`]: '說明',
		});
		const { versions, problems } = load(root);
		expect(versions).toEqual([]);
		expect(brief(problems)).toEqual([
			'content/documents/1.0.mdx:1:1 error layout/stray-file',
			'content/documents/README.md:1:1 error layout/stray-file',
		]);
	});

	it('ignores names starting with . at both levels (editor and system files)', () => {
		const root = makeTree({
			[`${DOCS}/.DS_Store`]: 'x',
			[`${DOCS}/.git/config`]: 'x',
			[`${DOCS}/ISMS-P-005/.1.0.mdx.swp`]: 'x',
			[`${DOCS}/ISMS-P-005/._1.0.mdx`]: 'x',
			[`${DOCS}/ISMS-P-005/.hidden/1.0.mdx`]: 'x',
			[`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0'),
		});
		const { versions, problems } = load(root);
		expect(problems).toEqual([]);
		expect(versions.map((v) => v.file)).toEqual(['content/documents/ISMS-P-005/1.0.mdx']);
	});

	// They used to be skipped silently, a rule AUTHORING.md does not state: a `_draft.mdx` never published.
	it('reports names starting with _ at both levels (reserved for the portal) and does not read them', () => {
		const root = makeTree({
			[`${DOCS}/_notes.md`]: 'x',
			[`${DOCS}/_templates/1.0.mdx`]: 'not a document',
			[`${DOCS}/ISMS-P-005/_draft.mdx`]: 'not a document',
			[`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0'),
		});
		const { versions, problems } = load(root);
		expect(brief(problems)).toEqual(
			[
				'content/documents/ISMS-P-005/_draft.mdx:1:1 error layout/reserved-name',
				'content/documents/_notes.md:1:1 error layout/reserved-name',
				'content/documents/_templates:1:1 error layout/reserved-name',
			].sort(),
		);
		expect(problems.find((p) => p.file.endsWith('_draft.mdx'))!.message).toBe(
			'以「_」開頭的名稱保留給入口網使用，「_draft.mdx」不會被當成文件；請改名（文件為 content/documents/<文件編號>/<版次>.mdx），或移出 content/documents',
		);
		expect(versions.map((v) => v.file)).toEqual(['content/documents/ISMS-P-005/1.0.mdx']);
	});

	it('accepts an empty document folder and an empty documents folder', () => {
		const root = makeTree({});
		makeDir(root, `${DOCS}/ISMS-P-005`);
		expect(load(root)).toEqual({
			versions: [],
			unchecked: [],
			folders: [{ name: 'ISMS-P-005', path: 'content/documents/ISMS-P-005/', files: [] }],
			problems: [],
			unread: new Map(),
		});
	});

	it('lists every document folder with its version files, valid or not (a reference to it says which)', () => {
		const root = makeTree({
			[`${DOCS}/ISMS-P-005/1.0.mdx`]: '---\ntitle: [\n---\n',
			[`${DOCS}/ISMS-P-006/1.0.mdx`]: '不是文件',
			[`${DOCS}/ISMS-P-006/assets/x.png`]: 'png',
		});
		const { versions, folders } = load(root);
		expect(versions).toEqual([]);
		expect(folders).toEqual([
			{ name: 'ISMS-P-005', path: 'content/documents/ISMS-P-005/', files: ['content/documents/ISMS-P-005/1.0.mdx'] },
			{ name: 'ISMS-P-006', path: 'content/documents/ISMS-P-006/', files: ['content/documents/ISMS-P-006/1.0.mdx'] },
		]);
	});

	it('reports a missing documents folder', () => {
		const root = makeTree({});
		const { versions, problems } = load(root);
		expect(versions).toEqual([]);
		expect(brief(problems)).toEqual(['content/documents:1:1 error layout/missing-folder']);
		expect(problems[0]!.message).toContain('content/documents');
	});
});

describe('loadCorpus: frontmatter problems carry file, line and column', () => {
	it('reports an invalid value at the value', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0', { classification: 'secret' }) });
		const { versions, problems } = load(root);
		expect(versions).toEqual([]);
		expect(brief(problems)).toEqual(['content/documents/ISMS-P-005/1.0.mdx:6:17 error frontmatter/invalid-value']);
		expect(problems[0]!.message).toContain('secret');
	});

	it('reports an invalid controls item at that item', () => {
		const source = mdx(versionFields('ISMS-P-005', '1.0', { controls: '' })).replace('controls: \n', 'controls:\n  - A.9.2.1\n  - A.99\n');
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: source });
		expect(brief(load(root).problems)).toEqual(['content/documents/ISMS-P-005/1.0.mdx:10:5 error frontmatter/invalid-value']);
	});

	it('reports a missing field as missing-field', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0', { title: undefined }) });
		const { problems } = load(root);
		expect(problems.map((p) => [p.file, p.severity, p.rule])).toEqual([
			['content/documents/ISMS-P-005/1.0.mdx', 'error', 'frontmatter/missing-field'],
		]);
		expect(problems[0]!.message).toContain('title');
	});

	it('reports an empty value as invalid-value, not missing-field', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0', { owner: '' }) });
		expect(brief(load(root).problems)).toEqual(['content/documents/ISMS-P-005/1.0.mdx:8:8 error frontmatter/invalid-value']);
	});

	it('reports an unknown field at its key', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0', { clasification: 'internal' }) });
		const { problems } = load(root);
		expect(brief(problems)).toEqual(['content/documents/ISMS-P-005/1.0.mdx:8:1 error frontmatter/unknown-field']);
		expect(problems[0]!.message).toContain('classification');
	});

	it('reports a YAML syntax error with its file position', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0', { title: '文件: 管理' }) });
		expect(brief(load(root).problems)).toEqual(['content/documents/ISMS-P-005/1.0.mdx:3:8 error frontmatter/syntax']);
	});

	it('reports a file without frontmatter', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-005/1.0.mdx`]: '# 資訊安全目標管理程序書\n' });
		expect(brief(load(root).problems)).toEqual(['content/documents/ISMS-P-005/1.0.mdx:1:1 error frontmatter/syntax']);
	});

	it('does not check the layout of a file whose frontmatter is invalid', () => {
		const root = makeTree({ [`${DOCS}/ISMS-P-006/1.1.mdx`]: versionFile('ISMS-P-005', '1.0', { tier: '7' }) });
		expect(brief(load(root).problems)).toEqual(['content/documents/ISMS-P-006/1.1.mdx:5:7 error frontmatter/invalid-value']);
	});

	it('keeps loading the other files', () => {
		const root = makeTree({
			[`${DOCS}/ISMS-P-005/1.0.mdx`]: versionFile('ISMS-P-005', '1.0', { tier: '7' }),
			[`${DOCS}/ISMS-P-005/1.1.mdx`]: versionFile('ISMS-P-005', '1.1'),
			[`${DOCS}/ISMS-M-001/1.0.mdx`]: versionFile('ISMS-M-001', '1.0'),
		});
		const { versions, problems } = load(root);
		expect(versions.map((v) => v.id).sort()).toEqual(['ISMS-M-001/1.0', 'ISMS-P-005/1.1']);
		expect(brief(problems)).toEqual(['content/documents/ISMS-P-005/1.0.mdx:5:7 error frontmatter/invalid-value']);
	});
});

describe('readVersion', () => {
	it('validates one file against its folder and file name', () => {
		const source = versionFile('ISMS-P-005', '1.0');
		const ok = readVersion(source, 'x/ISMS-P-005/1.0.mdx', 'ISMS-P-005', '1.0');
		expect(ok.problems).toEqual([]);
		expect(ok.version).toMatchObject({ file: 'x/ISMS-P-005/1.0.mdx', id: 'ISMS-P-005/1.0', bodyLine: 9 });
		const mismatch = readVersion(source, 'x/ISMS-P-006/1.0.mdx', 'ISMS-P-006', '1.0');
		expect(mismatch.version).toBeUndefined();
		expect(brief(mismatch.problems)).toEqual(['x/ISMS-P-006/1.0.mdx:2:8 error layout/docno-mismatch']);
	});

	it('passes schema options through', () => {
		const source = versionFile('POL-07', '1.0');
		expect(readVersion(source, 'f.mdx', 'POL-07', '1.0').version).toBeUndefined();
		expect(readVersion(source, 'f.mdx', 'POL-07', '1.0', { docNoPattern: '^POL-\\d{2}$' }).version?.docNo).toBe('POL-07');
	});
});
