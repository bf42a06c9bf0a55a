import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Canary } from '../../src/lib/ceiling/audit.ts';
import { auditOutput } from '../../src/node/audit.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const canary: Canary = { text: 'CANARY-AUDIT-55ab', kind: 'text', docNo: 'ISMS-S-004', reason: 'ceiling' };

describe('auditOutput over files that only look like archives', () => {
	it('searches a corrupt zip (an attachment) and a corrupt gzip as raw bytes instead of failing the build', async () => {
		mkdirSync(join(dir, 'documents/isms-p-001/v1.0'), { recursive: true });
		// Starts like a zip (PK\x03\x04) but has no central directory: JSZip cannot open it.
		writeFileSync(
			join(dir, 'documents/isms-p-001/v1.0/form.docx'),
			Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(' not a zip CANARY-AUDIT-55ab ')]),
		);
		// Starts like gzip but is truncated.
		writeFileSync(join(dir, 'broken.pf_fragment'), Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('CANARY-AUDIT-55ab')]));
		// A real gzip still opens.
		writeFileSync(join(dir, 'good.pf_fragment'), gzipSync(Buffer.from('pagefind_dcd CANARY-AUDIT-55ab')));
		const { findings } = await auditOutput(dir, [canary]);
		expect(findings.map((finding) => finding.file).sort()).toEqual([
			'broken.pf_fragment',
			'documents/isms-p-001/v1.0/form.docx',
			'good.pf_fragment',
		]);
	});
});
