/**
 * The GitHub Pages deploy gate (npm run verify-pages): reads the Pages site from a local stand-in for the
 * GitHub API and refuses anything above 公開.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, RECORD, ROOT, type CliResult } from './_publish.ts';

let server: Server;
let api: string;
let answer: { status: number; body: string } = { status: 200, body: '{}' };
const requests: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
	server = createServer((request, response) => {
		requests.push({ url: request.url ?? '', headers: request.headers });
		response.writeHead(answer.status, { 'Content-Type': 'application/json' });
		response.end(answer.body);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

function verifyPages(source: string, env: Record<string, string> = {}): Promise<CliResult> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, ['scripts/verify-pages.ts', '--source', source], {
			cwd: ROOT,
			env: { ...process.env, GITHUB_API_URL: api, GITHUB_REPOSITORY: 'agency/isms-portal', GITHUB_TOKEN: 'test-token', ...env },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (status) => done({ status, stdout, stderr }));
	});
}

const site = (visible: boolean) => ({
	status: 200,
	body: JSON.stringify({
		url: `${api}/repos/agency/isms-portal/pages`,
		status: 'built',
		html_url: 'https://agency.github.io/isms-portal/',
		public: visible,
	}),
});
const publicBuild = () => build('公開', { ...RECORD, ceiling: 'public', site: 'https://agency.github.io/isms-portal/' });

describe('npm run verify-pages', { timeout: 60_000 }, () => {
	it('asks the API for the Pages site of the repository, with the token', async () => {
		answer = site(true);
		requests.length = 0;
		const result = await verifyPages(publicBuild());
		expect(result).toEqual({
			status: 0,
			stdout:
				'可部署到公開的 GitHub Pages 網站（https://agency.github.io/isms-portal/，任何人都能在網際網路上閱讀）：建置紀錄的發布上限為 公開（public），不含草稿。\n',
			stderr: '',
		});
		expect(requests.map((request) => [request.url, request.headers.authorization, request.headers.accept])).toEqual([
			['/repos/agency/isms-portal/pages', 'Bearer test-token', 'application/vnd.github+json'],
		]);
	});

	it('refuses an internal build to a public site, naming the site', async () => {
		answer = site(true);
		const result = await verifyPages(build('內部'));
		expect(result.status).toBe(1);
		expect(result.stderr).toBe(
			'不部署到公開的 GitHub Pages 網站（https://agency.github.io/isms-portal/，任何人都能在網際網路上閱讀）：此建置的發布上限為 內部使用（internal）（.portal-build.json），高於目標網站的讀者範圍 公開（public）：不發布，以免 內部使用 文件被無權閱讀者看到。請以 PORTAL_MAX_CLASSIFICATION=public 重新執行 npm run build。\n',
		);
	});

	it('holds a private Pages site to the same rule (it is still outside the intranet)', async () => {
		answer = site(false);
		const refused = await verifyPages(build('內部'));
		expect([
			refused.status,
			refused.stderr.startsWith(
				'不部署到GitHub Pages 網站（https://agency.github.io/isms-portal/，限儲存庫讀者閱讀，但仍在機關內網之外）：',
			),
		]).toEqual([1, true]);
		expect((await verifyPages(publicBuild())).status).toBe(0);
	});

	it('refuses when there is no Pages site, the API fails or answers nonsense', async () => {
		answer = { status: 404, body: '{"message":"Not Found"}' };
		expect((await verifyPages(publicBuild())).stderr).toContain('此儲存庫沒有 GitHub Pages 網站（GET');
		answer = { status: 403, body: '{}' };
		expect((await verifyPages(publicBuild())).stderr).toContain('回應 403）：不部署。工作需要 pages: read 權限。');
		answer = { status: 200, body: 'not json' };
		expect((await verifyPages(publicBuild())).stderr).toContain('的回應不是 JSON：不部署。');
		const unreachable = await verifyPages(publicBuild(), { GITHUB_API_URL: 'http://127.0.0.1:9' });
		expect([
			unreachable.status,
			unreachable.stderr.startsWith('無法讀取 GitHub Pages 設定（GET http://127.0.0.1:9/repos/agency/isms-portal/pages：'),
		]).toEqual([1, true]);
	});

	it('exits 2 without GITHUB_REPOSITORY', async () => {
		const result = await verifyPages(publicBuild(), { GITHUB_REPOSITORY: '' });
		expect([result.status, result.stderr.split('\n')[0]]).toEqual([2, 'GITHUB_REPOSITORY 應為 <owner>/<repo>，收到「」。']);
	});
});
