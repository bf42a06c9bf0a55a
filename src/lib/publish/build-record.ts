import type { Classification } from '../documents/classification.ts';

/**
 * The record a successful build leaves in its output folder. `npm run publish` refuses a folder
 * without one: the build removes it first and writes it again only after every check passed.
 */
export const BUILD_MARKER = '.portal-build.json';
/**
 * What the Astro build leaves for the search-index step: the record, not yet final. The index step
 * (scripts/index-search.ts) renames it to BUILD_MARKER once the search index is written.
 */
export const PENDING_MARKER = '.portal-build.pending.json';

export interface BuildRecord {
	status: 'ok';
	/** ISO timestamp of the end of the build. */
	builtAt: string;
	/** The date the build resolved versions for (PORTAL_TODAY or today in Asia/Taipei). */
	today: string;
	/** Publication ceiling of the build (PORTAL_MAX_CLASSIFICATION): the highest classification in it. */
	ceiling: Classification;
	/** True for a preview build that holds drafts (PORTAL_INCLUDE_DRAFTS=1). */
	includeDrafts: boolean;
	/** The site's URL (PORTAL_SITE_URL) when the build was made for one, else null. */
	site: string | null;
	documents: number;
	versions: number;
	warnings: number;
	/**
	 * Output files that repeat another page byte for byte (the current version's `/v<version>/` page,
	 * a copy of the permalink page): the search index leaves them out so that each text is found once.
	 */
	duplicatePages: string[];
	/**
	 * Each version's body is parsed once per build (issue 14): `bodies` parses for `versions` versions
	 * read, and `documentModules` document files compiled into modules by Vite (0: pages are rendered
	 * from the analysis's trees).
	 */
	parses?: { versions: number; bodies: number; documentModules: number };
	/**
	 * Pending record only: the pages with a search body (`data-pagefind-body`), below the output folder, found
	 * while the build audited every page; the search-index step gives Pagefind these (it need not read every page
	 * again) and removes this field.
	 */
	searchPages?: string[];
	/**
	 * Pending record only: the build's canary list for the audit of its output (src/node/audit.ts),
	 * kept in the Astro cache folder, never in the output. The index step removes this field.
	 */
	audit?: { file: string; id: string };
}
