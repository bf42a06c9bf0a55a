// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import ismsPortal from './src/integration/index.ts';
import { siteSettings } from './src/integration/report.ts';

/**
 * The portal's configuration: who publishes it and how documents are numbered.
 * @type {import('./src/lib/config.ts').PortalUserConfig}
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
	// Separate caches let test and benchmark builds run beside the real site.
	...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
	markdown: {
		processor: unified(),
	},
	integrations: [
		starlight({
			title: portal.siteTitle,
			defaultLocale: 'root',
			locales: { root: { label: '繁體中文', lang: 'zh-TW' } },
			plugins: [ismsPortal(portal)],
		}),
	],
});
