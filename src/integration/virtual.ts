import type { PortalModel } from '../lib/documents/portal.ts';
import type { Preview } from '../lib/site/preview.ts';

/** The resolved model: config, build settings, published documents and versions. */
export const MODEL = 'virtual:isms-portal/model';
/** What `astro dev` shows beside a page (src/lib/site/preview.ts); `enabled: false` in a build. */
export const PREVIEW = 'virtual:isms-portal/preview';

interface Served {
	model: PortalModel;
	preview: Preview;
}

/** Where `astro dev` keeps the served objects: its pages run in the dev server's own process (Vite's module runner). */
const LIVE = 'isms-portal.live';

/**
 * Serves the model to pages and content config (`import model from 'virtual:isms-portal/model'`) and the
 * preview findings (`virtual:isms-portal/preview`).
 *
 * A build inlines them as JSON. `astro dev` (`live`) serves two objects that the dev server updates in
 * place after each analysis (`updateLive`): every page reads the new state on its next request without
 * Vite evaluating the pages, Starlight's components and the route middleware again (which took a second
 * per save); only the routes' `getStaticPaths` are evaluated again (src/integration/dev.ts).
 */
export function virtualModules(current: () => Served, live = false) {
	if (live) updateLive(current());
	const source = (key: keyof Served) =>
		live ? `export default globalThis[Symbol.for(${JSON.stringify(LIVE)})].${key};` : `export default ${JSON.stringify(current()[key])};`;
	return {
		name: 'isms-portal:virtual-modules',
		resolveId: {
			filter: { id: /^virtual:isms-portal\// },
			handler(id: string) {
				return id === MODEL || id === PREVIEW ? `\0${id}` : undefined;
			},
		},
		load: {
			filter: { id: /^\0virtual:isms-portal\// },
			handler(id: string) {
				if (id === `\0${MODEL}`) return source('model');
				if (id === `\0${PREVIEW}`) return source('preview');
				return undefined;
			},
		},
	};
}

/**
 * The served objects take the new state, in place: their fields are replaced by the new model's (made
 * afresh by each analysis, never changed afterwards), without copying (a 400-document model is megabytes).
 */
export function updateLive(next: Served): void {
	const holder = globalThis as unknown as Record<symbol, Served | undefined>;
	const served = (holder[Symbol.for(LIVE)] ??= { model: {} as PortalModel, preview: {} as Preview });
	for (const key of ['model', 'preview'] as const) {
		const target = served[key] as unknown as Record<string, unknown>;
		for (const name of Object.keys(target)) delete target[name];
		Object.assign(target, next[key]);
	}
}
