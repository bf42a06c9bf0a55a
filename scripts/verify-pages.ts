/**
 * npm run verify-pages [-- --source dist]
 * The deploy gate of the optional GitHub Pages workflow (.github/workflows/pages.yml): reads the Pages site
 * of this repository from the GitHub API (GET /repos/{owner}/{repo}/pages, field `public`) and refuses a
 * build whose record is above 公開 (public) or holds drafts. GitHub Pages is outside the intranet whatever
 * its visibility: a site readable by anyone on the internet (`public: true`) is said so in the message, a
 * private one (`public: false`, readers of the repository, who may be outside the agency) is held to the
 * same rule. Anything unexpected from the API (no Pages site, an error, no answer) refuses too.
 * Environment (set by GitHub Actions): GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_TOKEN.
 * Exit 0: the build may be deployed; 1: refused; 2: bad usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { levelLabel } from '../src/lib/publish/audience.ts';
import { defaultSource, PublishError, verifyAudience } from '../src/node/publish/index.ts';

const usage =
	'用法：npm run verify-pages [-- --source dist]（需要環境變數 GITHUB_REPOSITORY、GITHUB_TOKEN；GITHUB_API_URL 預設 https://api.github.com）';
let values;
try {
	({ values } = parseArgs({ options: { source: { type: 'string' } } }));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n${usage}\n`);
	process.exit(2);
}
const repository = process.env.GITHUB_REPOSITORY ?? '';
if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
	process.stderr.write(`GITHUB_REPOSITORY 應為 <owner>/<repo>，收到「${repository}」。\n${usage}\n`);
	process.exit(2);
}
const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
const source = resolve(values.source ?? defaultSource(process.env));
const url = `${api}/repos/${repository}/pages`;

try {
	const site = await readPagesSite(url);
	const where = site.public
		? `公開的 GitHub Pages 網站（${site.htmlUrl}，任何人都能在網際網路上閱讀）`
		: `GitHub Pages 網站（${site.htmlUrl}，限儲存庫讀者閱讀，但仍在機關內網之外）`;
	try {
		verifyAudience(source, 'public');
	} catch (error) {
		if (!(error instanceof PublishError)) throw error;
		throw new PublishError(`不部署到${where}：${error.message}`);
	}
	process.stdout.write(`可部署到${where}：建置紀錄的發布上限為 ${levelLabel('public')}，不含草稿。\n`);
} catch (error) {
	process.stderr.write(`${error instanceof PublishError ? '' : '檢查 GitHub Pages 失敗：'}${(error as Error).message}\n`);
	process.exit(1);
}

/** The Pages site's address and visibility; a PublishError for anything but a clear answer. */
async function readPagesSite(url: string): Promise<{ public: boolean; htmlUrl: string }> {
	let response: Response;
	try {
		response = await fetch(url, {
			headers: {
				Accept: 'application/vnd.github+json',
				'X-GitHub-Api-Version': '2022-11-28',
				...(process.env.GITHUB_TOKEN ? { Authorization: `Bearer ${process.env.GITHUB_TOKEN}` } : {}),
			},
			signal: AbortSignal.timeout(30_000),
		});
	} catch (error) {
		throw new PublishError(`無法讀取 GitHub Pages 設定（GET ${url}：${(error as Error).message}）：不部署。`);
	}
	if (response.status === 404) {
		throw new PublishError(
			`此儲存庫沒有 GitHub Pages 網站（GET ${url} 回應 404）：不部署。請在 Settings → Pages 將 Source 設為 GitHub Actions，或不要啟用此工作流程。`,
		);
	}
	if (!response.ok) {
		throw new PublishError(`無法讀取 GitHub Pages 設定（GET ${url} 回應 ${response.status}）：不部署。工作需要 pages: read 權限。`);
	}
	const body = (await response.json().catch(() => null)) as { public?: unknown; html_url?: unknown } | null;
	if (body === null || typeof body !== 'object') throw new PublishError(`GET ${url} 的回應不是 JSON：不部署。`);
	// Sites of public repositories have no access control and the field may be absent: treated as public.
	return { public: body.public !== false, htmlUrl: typeof body.html_url === 'string' ? body.html_url : url };
}
