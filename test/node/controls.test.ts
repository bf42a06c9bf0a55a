import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadControls } from '../../src/node/controls.ts';

describe('loadControls', () => {
	it('names each missing file', () => {
		const empty = mkdtempSync(join(tmpdir(), 'controls-'));
		const result = loadControls(empty);
		expect(result.c2013).toBeUndefined();
		expect(result.crosswalk.mappings).toEqual([]);
		expect(result.problems.map((p) => [p.file, p.rule])).toEqual([
			['content/controls/iso27001-2013.yaml', 'catalogue/missing-file'],
			['content/controls/iso27001-2022.yaml', 'catalogue/missing-file'],
			['content/controls/crosswalk-2013-2022.yaml', 'catalogue/missing-file'],
		]);
	});
});
