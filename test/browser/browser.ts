import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';

/** Debian's Chromium (installed by .ci/run), or the browser CI names in PORTAL_CHROMIUM. Never a downloaded one. */
export const CHROMIUM = process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
	return existsSync(CHROMIUM);
}

/**
 * Serves a built site on 127.0.0.1 the way a static web server does (directory → index.html, 404.html);
 * with `base` (`/isms/`), below that path only, as a GitHub Pages project site is; with `headers`, on
 * every response (as the README's nginx snippet adds them).
 */
export async function serve(
	dir: string,
	base = '/',
	headers: Record<string, string> = {},
	options: { notFoundPage?: string } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
	const assets = sirv(dir, { dev: false, etag: false, dotfiles: false });
	const notFound = (res: ServerResponse) => {
		res.statusCode = 404;
		// `error_page 404 /404.html` (nginx), when asked for.
		const page = options.notFoundPage ? join(dir, options.notFoundPage) : undefined;
		if (page && existsSync(page)) {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(readFileSync(page));
			return;
		}
		res.end();
	};
	const server: Server = createServer((req, res) => {
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
		if (base !== '/') {
			if (!req.url?.startsWith(base)) return notFound(res);
			req.url = req.url.slice(base.length - 1);
		}
		assets(req, res, () => notFound(res));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run',
			'--disable-sync',
		],
	});
}
