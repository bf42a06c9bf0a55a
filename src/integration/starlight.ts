import type { HookParameters, StarlightUserConfig } from '@astrojs/starlight/types';
import { fileURLToPath } from 'node:url';
import type { PortalSetup } from './setup.ts';

/** A file of the portal's own (styles, components, route middleware), by its path from this folder. */
export const asset = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The sidebar when astro.config.mjs names none: the portal's pages, then the help pages. */
export const PORTAL_SIDEBAR: NonNullable<StarlightUserConfig['sidebar']> = [
	{ label: '首頁', link: '/' },
	{ label: '文件一覽表', link: '/documents/' },
	{ label: '適用性聲明書', link: '/soa/' },
	{ label: '文件審查排程', link: '/reviews/' },
	{ label: '指定日期之有效版本', link: '/as-of/' },
	{ label: '版次差異比較', link: '/diff/' },
	{ label: '使用說明', items: [{ autogenerate: { directory: 'help' } }] },
];

/**
 * What the portal sets in Starlight's configuration (its `updateConfig`), over what astro.config.mjs gave
 * (`starlight`): the site title of the portal's configuration, no Pagefind of Starlight's, the portal's own
 * 404 page, no 前一則/下一則, the sidebar, the documents folder among the Markdown Starlight processes, the
 * portal's styles and its Search and PageTitle components.
 */
export function starlightOverrides(
	setup: Pick<PortalSetup, 'config' | 'settings'>,
	starlight: HookParameters<'config:setup'>['config'],
): Partial<StarlightUserConfig> {
	return {
		title: setup.config.siteTitle,
		// The search index is built after Astro has exited (scripts/index-search.ts, part of
		// `npm run build`), so the indexer never shares the machine's memory with the site build.
		pagefind: false,
		// The portal's own 404 page (src/pages/404.astro) leads back to the master list and search.
		disable404Route: true,
		// Documents are not a book to page through: no 前一則/下一則 links.
		pagination: false,
		sidebar: starlight.sidebar ?? PORTAL_SIDEBAR,
		// Starlight's heading links apply to the documents folder too (its bodies run Astro's rehype plugins).
		markdown: {
			...starlight.markdown,
			processedDirs: [...(starlight.markdown?.processedDirs ?? []), setup.settings.documentsDir],
		},
		customCss: [...(starlight.customCss ?? []), asset('../styles/portal.css'), asset('../styles/layout.css'), asset('../styles/print.css')],
		components: {
			...starlight.components,
			// The portal's search (header dialog and /search/), and a breadcrumb above the title of pages below another.
			Search: asset('../components/Search.astro'),
			PageTitle: asset('../components/PageTitle.astro'),
		},
	};
}
