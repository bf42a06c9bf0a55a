import { afterEach, describe, it, expect } from 'vitest';
import { loadControls } from '../../src/node/controls.ts';
import { loadSoaVersions } from '../../src/node/soa.ts';
import { makeTree, PROJECT_ROOT, removeTempDirs } from '../unit/_helpers.ts';

afterEach(removeTempDirs);
const { c2013, c2022, crosswalk } = loadControls(PROJECT_ROOT);
const catalogues = { '2013': c2013, '2022': c2022 };
const soa = (version: string, catalogue = '2013', control = 'A.5.1.1') =>
	`version: "${version}"\neffective: 2026-01-15\napprovedBy: 資通安全長\ncatalogue: "${catalogue}"\ncontrols:\n  ${control}:\n    applicable: true\n    reasons: [風險評鑑]\n    status: 已實施\n`;

describe('loadSoaVersions', () => {
	it('reads content/soa.yaml alone as one version', () => {
		const root = makeTree({ 'content/soa.yaml': soa('1.2') });
		const { soas, problems } = loadSoaVersions(root, { file: 'content/soa.yaml', dir: 'content/soa' }, catalogues, crosswalk);
		expect(problems).toEqual([]);
		expect(soas.map((s) => [s.file, s.version])).toEqual([['content/soa.yaml', '1.2']]);
	});

	it('reads every content/soa/<VERSION>.yaml beside it, each on its own catalogue', () => {
		const root = makeTree({
			'content/soa.yaml': soa('1.1'),
			'content/soa/1.2.yaml': soa('1.2'),
			'content/soa/2.0.yaml': soa('2.0', '2022', 'A.5.1'),
			'content/soa/.notes.yaml': 'x',
		});
		const { soas, problems } = loadSoaVersions(root, { file: 'content/soa.yaml', dir: 'content/soa' }, catalogues, crosswalk);
		expect(problems).toEqual([]);
		expect(soas.map((s) => [s.file, s.catalogue])).toEqual([
			['content/soa.yaml', '2013'],
			['content/soa/1.2.yaml', '2013'],
			['content/soa/2.0.yaml', '2022'],
		]);
	});

	it('a file named other than its version, and a stray file, are errors naming the file', () => {
		const root = makeTree({ 'content/soa/2.0.yaml': soa('2.1', '2022', 'A.5.1'), 'content/soa/notes.txt': 'x' });
		const { soas, problems } = loadSoaVersions(root, { dir: 'content/soa' }, catalogues, crosswalk);
		expect(soas).toEqual([]);
		expect(problems.map((p) => [p.file, p.rule])).toEqual([
			['content/soa/2.0.yaml', 'soa/version-mismatch'],
			['content/soa/notes.txt', 'soa/stray-file'],
		]);
		expect(problems[0]!.message).toBe('version（版次）「2.1」與檔名「2.0.yaml」不符；檔名必須等於版次，例如 2.1.yaml');
	});

	it('no SoA data at all is no problem', () => {
		expect(loadSoaVersions(makeTree({}), { file: 'content/soa.yaml', dir: 'content/soa' }, catalogues, crosswalk)).toEqual({
			soas: [],
			problems: [],
		});
	});
});
