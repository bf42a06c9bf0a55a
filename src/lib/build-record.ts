/**
 * The record a successful build leaves in its output folder. `npm run publish` refuses a folder
 * without one: the build removes it first and writes it again only after every check passed.
 */
export const BUILD_MARKER = '.portal-build.json';

export interface BuildRecord {
	status: 'ok';
	/** ISO timestamp of the end of the build. */
	builtAt: string;
	/** The date the build resolved versions for (PORTAL_TODAY or today in Asia/Taipei). */
	today: string;
	/** Publication ceiling of the build. */
	ceiling: string;
	documents: number;
	versions: number;
	warnings: number;
}
