import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAttachments } from '../../src/node/attachments.ts';

const root = mkdtempSync(join(tmpdir(), 'attachments-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readAttachments', () => {
	it('reads each attachment of a version with its size and SHA-256', () => {
		mkdirSync(join(root, 'docs/ISMS-F-101/assets/1.0'), { recursive: true });
		writeFileSync(join(root, 'docs/ISMS-F-101/assets/1.0/表.odt'), 'form');
		const [file, ...rest] = readAttachments(root, undefined, {
			file: 'docs/ISMS-F-101/1.1.mdx',
			docNo: 'ISMS-F-101',
			version: '1.1',
			attachments: ['./assets/1.0/表.odt'],
		});
		expect(rest).toEqual([]);
		expect({ ...file, bytes: file!.bytes.toString() }).toEqual({
			name: '表.odt',
			href: '/documents/isms-f-101/v1.1/%E8%A1%A8.odt',
			size: 4,
			sha256: createHash('sha256').update('form').digest('hex'),
			bytes: 'form',
		});
		expect(readAttachments(root, undefined, { file: 'docs/ISMS-F-101/1.0.mdx', docNo: 'ISMS-F-101', version: '1.0' })).toEqual([]);
	});
});
