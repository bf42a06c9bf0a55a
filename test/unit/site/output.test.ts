import { describe, expect, it } from 'vitest';
import { dataFiles, pageFile, permalinkCopies } from '../../../src/lib/site/output.ts';
import { pd, pv } from '../_helpers.ts';

describe('pageFile', () => {
	it('writes a directory URL as its index.html, without the leading slash', () => {
		expect(pageFile('/')).toBe('index.html');
		expect(pageFile('/documents/isms-m-001/')).toBe('documents/isms-m-001/index.html');
		expect(pageFile('/documents/isms-m-001/v1.10/')).toBe('documents/isms-m-001/v1.10/index.html');
	});

	it('leaves a file URL as it is', () => {
		expect(pageFile('/soa.csv')).toBe('soa.csv');
		expect(pageFile('/documents/isms-m-001/versions.json')).toBe('documents/isms-m-001/versions.json');
	});
});

describe('permalinkCopies', () => {
	it('copies each permalink page to the /v<version>/ page of the version it shows: the current one', () => {
		const document = pd('ISMS-P-005', [
			pv('ISMS-P-005', '2.0', 'upcoming'),
			pv('ISMS-P-005', '1.10', 'current'),
			pv('ISMS-P-005', '1.9', 'superseded'),
		]);
		expect(permalinkCopies([document])).toEqual([{ from: 'documents/isms-p-005/index.html', to: 'documents/isms-p-005/v1.10/index.html' }]);
	});

	it('the withdrawing version of a withdrawn document, the newest of one not yet in force', () => {
		const withdrawn = pd('ISMS-P-007', [pv('ISMS-P-007', '1.1', 'withdrawn'), pv('ISMS-P-007', '1.0', 'superseded')]);
		const upcoming = pd('ISMS-P-008', [pv('ISMS-P-008', '1.1', 'upcoming'), pv('ISMS-P-008', '1.0', 'upcoming')]);
		expect(permalinkCopies([withdrawn, upcoming]).map((copy) => copy.to)).toEqual([
			'documents/isms-p-007/v1.1/index.html',
			'documents/isms-p-008/v1.1/index.html',
		]);
	});
});

describe('dataFiles', () => {
	const blocks = {
		'ISMS-P-005/1.10': [{ kind: 'item' as const, clause: '1.1', text: '1.1 年度目標由委員會核定。', depth: 1, line: 14 }],
		'ISMS-P-005/1.9': [{ kind: 'item' as const, clause: '1.1', text: '1.1 年度目標由資訊室彙整。', depth: 1, line: 12 }],
		'ISMS-F-001/1.0': [{ kind: 'item' as const, clause: '1.1', text: '1.1 申請單位。', depth: 1, line: 10 }],
	};
	const p005 = pd('ISMS-P-005', [pv('ISMS-P-005', '1.10', 'current'), pv('ISMS-P-005', '1.9', 'superseded')]);
	const f001 = pd('ISMS-F-001', [pv('ISMS-F-001', '1.0', 'current')]);

	it('writes a versions.json for each document with two published versions or more, at its site path', () => {
		const files = dataFiles([p005, f001], blocks);
		expect([...files.keys()]).toEqual(['/documents/isms-p-005/versions.json']);
		expect(pageFile('/documents/isms-p-005/versions.json')).toBe('documents/isms-p-005/versions.json');
	});

	it('holds the versions newest first with the text the diff compares', () => {
		const file = JSON.parse(dataFiles([p005], blocks).get('/documents/isms-p-005/versions.json')!()) as {
			versions: { version: string; blocks: { text: string }[] }[];
		};
		expect(file.versions.map((v) => [v.version, v.blocks.map((b) => b.text)])).toEqual([
			['1.10', ['1.1 年度目標由委員會核定。']],
			['1.9', ['1.1 年度目標由資訊室彙整。']],
		]);
	});
});
