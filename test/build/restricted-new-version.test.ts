import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, hostEnv, ROOT, type BuildResult } from './build.ts';
import { builtTexts } from './scan.ts';

/**
 * The routine of issue 12: a document controller makes a new version of a real document that cites
 * the 限閱 ISMS-S-004 — `npm run new-version -- ISMS-P-008 1.1`, a 修訂說明 citing it, `npm run build`
 * — and the title of ISMS-S-004 appeared in /documents/isms-p-008/versions.json, which /diff/ shows
 * to all staff. Done on a copy of the real content/; every file of the output is searched.
 */
const SOURCE = 'test/.tmp/content-new-version-src';
const DOCUMENTS = `${SOURCE}/documents`;
/** ISMS-S-004's title, its page, and phrases found only in its text (checked against content/ below). */
const CANARIES = [
	'電腦機房管理作業說明',
	'/documents/isms-s-004/',
	'門禁卡加生物辨識',
	'潔淨氣體滅火系統',
	'冷通道進風口',
	'電池剩餘時間',
	'機櫃電力迴路電流',
	'一次刷卡僅限一人',
];

let site: BuildResult;
let created: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
	rmSync(join(ROOT, SOURCE), { recursive: true, force: true });
	cpSync(join(ROOT, 'content/documents'), join(ROOT, DOCUMENTS), { recursive: true });
	const env = { PORTAL_DOCUMENTS_DIR: DOCUMENTS, PORTAL_TODAY: '2026-11-25' };
	const run = spawnSync(process.execPath, [join(ROOT, 'scripts/new-version.ts'), 'ISMS-P-008', '1.1', '--effective', '2026-11-20'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...hostEnv(), ...env },
	});
	created = { status: run.status, stdout: run.stdout, stderr: run.stderr };
	const file = join(ROOT, DOCUMENTS, 'ISMS-P-008/1.1.mdx');
	const text = readFileSync(file, 'utf8');
	writeFileSync(
		file,
		text
			.replace(/^changes:.*$/m, 'changes: 配合「ISMS-S-004 電腦機房管理作業說明」第 3.5.4 節，修訂機房授權人員之訓練規定。')
			.replace(
				'以及「ISMS-S-004 電腦機房管理作業說明」所定機房授權人員之滅火系統操作及緊急疏散訓練',
				'以及 ISMS-S-004 電腦機房管理作業說明 第 3.5.4 節所定機房授權人員之氣體滅火系統操作及緊急疏散訓練',
			),
	);
	site = buildFixture('content', { ...env, PORTAL_SOA_FILE: '', PORTAL_SITE_URL: 'https://isms.example.tw' }, 'content-new-version');
});

describe('a new version of ISMS-P-008, citing the 限閱 ISMS-S-004 in its text and its 修訂說明', () => {
	it('is made by npm run new-version and changed as a document controller would', () => {
		expect(created.status).toBe(0);
		const text = readFileSync(join(ROOT, DOCUMENTS, 'ISMS-P-008/1.1.mdx'), 'utf8');
		expect(text).toContain('changes: 配合「ISMS-S-004 電腦機房管理作業說明」第 3.5.4 節');
		expect(text).toContain('ISMS-S-004 電腦機房管理作業說明 第 3.5.4 節所定');
		// The canary phrases are ISMS-S-004's own: no other document of content/ has them.
		const others = spawnSync('grep', ['-rlF', ...CANARIES.slice(2).flatMap((c) => ['-e', c]), join(ROOT, DOCUMENTS)], { encoding: 'utf8' })
			.stdout.trim()
			.split('\n');
		expect(others.map((path) => path.slice(join(ROOT, DOCUMENTS).length + 1))).toEqual(['ISMS-S-004/1.0.mdx']);
	});

	it('builds (its own audit passing), with a versions.json for the diff page', () => {
		expect(site.status, site.stderr).toBe(0);
		expect(site.stdout).toMatch(/輸出稽核：\d+ 個檔案、\d+ 個不得發布的字串，未發現外洩/);
		expect(site.exists('.portal-build.json')).toBe(true);
		const file = JSON.parse(site.read('documents/isms-p-008/versions.json')) as {
			versions: { version: string; changes?: string; blocks: { text: string }[] }[];
		};
		expect(file.versions.map((v) => v.version)).toEqual(['1.1', '1.0']);
		expect(file.versions[0]!.changes).toBe('配合「ISMS-S-004」第 3.5.4 節，修訂機房授權人員之訓練規定。');
		expect(file.versions[0]!.blocks.map((b) => b.text)).toContainEqual(
			expect.stringContaining('以及 ISMS-S-004 第 3.5.4 節所定機房授權人員之氣體滅火系統'),
		);
	});

	it('leaves no trace of ISMS-S-004 beyond its bare number in any file of the output', async () => {
		const texts = await builtTexts(site);
		for (const kind of ['documents/isms-p-008/versions.json', 'pagefind/fragment/', 'sitemap-0.xml', 'soa.csv', 'soa.xlsx!/']) {
			expect(
				texts.some((t) => t.file.startsWith(kind)),
				kind,
			).toBe(true);
		}
		const found = texts.flatMap((t) => CANARIES.filter((canary) => t.text.includes(canary)).map((canary) => `${t.file}: ${canary}`));
		expect(found).toEqual([]);
		expect(texts.some((t) => t.text.includes('ISMS-S-004'))).toBe(true);
	});
});
