// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import ismsPortal from './src/integration/index.ts';
import { portalCsp } from './src/node/csp.ts';
import { siteSettings } from './src/integration/errors.ts';
import { portal } from './portal.config.mjs';

// The portal's configuration (organisation, numbering, publication ceiling…) is in portal.config.mjs.
export { portal };

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
		// `astro dev` restarts when its config file changes, not when a file the config imports does: portal.config.mjs too.
		{
			name: 'isms-portal-config-watch',
			hooks: { 'astro:config:setup': ({ addWatchFile }) => addWatchFile(new URL('./portal.config.mjs', import.meta.url)) },
		},
	],
});
