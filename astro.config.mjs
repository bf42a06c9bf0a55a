// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import ismsPortal from './src/integration/index.ts';
import { portalCsp } from './src/node/csp.ts';
import { siteSettings } from './src/integration/errors.ts';

/**
 * The portal's configuration: who publishes it and how documents are numbered.
 * @type {import('./src/schemas/config.ts').PortalUserConfig}
 */
export const portal = {
	organization: '臺北市政府警察局',
	siteTitle: '資安文件入口網',
	documentsDir: 'content/documents',
	controlsDir: 'content/controls',
	docNoPattern: '^ISMS-[A-Z]-\\d{3}$',
	docNoDescription: 'ISMS-<大寫英文字母>-<3 位數字>，例如 ISMS-P-005',
	maxClassification: 'internal',
	controlsCatalogue: '2013',
};

export default defineConfig({
	// PORTAL_SITE_URL, and PORTAL_BASE_PATH when served below the root (a GitHub Pages project
	// site: /<repo>/): every link follows it. Checked: a bad value is one line naming the variable.
	...siteSettings(process.env),
	trailingSlash: 'always',
	// Content Security Policy in every page: hashes of every inline script and style, no 'unsafe-inline'
	// for scripts (src/node/csp.ts; the web server's part is in README.md, "Publishing on the intranet").
	security: { csp: portalCsp(fileURLToPath(new URL('.', import.meta.url))) },
	// Separate caches let test and benchmark builds run beside the real site.
	...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
	// Another output folder than dist/ (npm run build indexes it, npm run publish reads it).
	...(process.env.PORTAL_OUT_DIR ? { outDir: process.env.PORTAL_OUT_DIR } : {}),
	markdown: {
		processor: unified(),
	},
	integrations: [
		starlight({
			title: portal.siteTitle,
			defaultLocale: 'root',
			locales: { root: { label: '繁體中文', lang: 'zh-TW' } },
			// Code blocks (help pages) wrap instead of scrolling sideways: never wider than a phone's screen.
			expressiveCode: { defaultProps: { wrap: true } },
			plugins: [ismsPortal(portal)],
		}),
	],
});
