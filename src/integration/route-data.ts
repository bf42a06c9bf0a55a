import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import model from 'virtual:isms-portal/model';
import { escapeHtml } from '../lib/site/escape.ts';
import { pageTitle, pathBelowBase, sidebarSection } from '../lib/site/navigation.ts';

type Entry = App.Locals['starlightRoute']['sidebar'][number];

/**
 * Starlight route middleware (registered by the portal plugin): every page's `<title>` names the page and
 * the site once each, and the sidebar marks the section a page belongs to when the page has no link of its
 * own (a document page under 文件一覽表, an SoA version under 適用性聲明書) with aria-current="location".
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	// Starlight writes a head entry's content as raw HTML (set:html).
	const title = route.head.find((entry) => entry.tag === 'title');
	if (title && route.entry.data.title.trim() === route.siteTitle.trim())
		title.content = escapeHtml(pageTitle(route.entry.data.title, route.siteTitle));

	const links = flatten(route.sidebar).map((link) => pathBelowBase(link.href, model.settings.base));
	const section = sidebarSection(pathBelowBase(context.url.pathname, model.settings.base), links);
	if (!section) return;
	for (const link of flatten(route.sidebar)) {
		if (pathBelowBase(link.href, model.settings.base) === section && !link.isCurrent)
			link.attrs = { ...link.attrs, 'aria-current': 'location' };
	}
});

function flatten(entries: Entry[]): Extract<Entry, { type: 'link' }>[] {
	return entries.flatMap((entry) => (entry.type === 'link' ? [entry] : flatten(entry.entries)));
}
