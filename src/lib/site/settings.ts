import type { PortalConfig } from '../../schemas/config.ts';
import { CLASSIFICATIONS, parseClassification, type Classification } from '../documents/classification.ts';
import { portalToday } from '../documents/dates.ts';

/** Build-time settings read from the environment (AUTHORING.md), validated. */
export interface BuildSettings {
	today: string;
	includeDrafts: boolean;
	ceiling: Classification;
	/** Overrides config.documentsDir (test fixtures, previews). */
	documentsDir: string;
	/** The documents folder came from PORTAL_DOCUMENTS_DIR (named in messages). */
	documentsDirFromEnv?: boolean;
	/** The SoA sources were named by PORTAL_SOA_FILE / PORTAL_SOA_DIR: they must then exist. */
	soaFromEnv?: boolean;
	soaFile?: string;
	soaDir?: string;
	/** Overrides config.synonymsFile. */
	synonymsFile?: string;
	/** The site's base path (Astro `base`), `/` when served from the root. */
	base?: string;
}

/**
 * The build settings from PORTAL_* variables. A value that is not understood is an error naming
 * the variable and what it accepts (a typo must not quietly mean the default).
 */
export function readBuildSettings(config: PortalConfig, env: Record<string, string | undefined>): BuildSettings {
	const today = portalToday(env.PORTAL_TODAY);
	const rawCeiling = env.PORTAL_MAX_CLASSIFICATION;
	let ceiling = config.maxClassification;
	if (rawCeiling !== undefined && rawCeiling !== '') {
		const parsed = parseClassification(rawCeiling);
		if (!parsed) {
			throw new RangeError(
				`PORTAL_MAX_CLASSIFICATION 應為 ${CLASSIFICATIONS.join('、')}（或 公開、內部使用、限閱、機密），收到「${rawCeiling}」`,
			);
		}
		ceiling = parsed;
	}
	const documentsDir = env.PORTAL_DOCUMENTS_DIR?.trim();
	return {
		today,
		includeDrafts: parseFlag('PORTAL_INCLUDE_DRAFTS', env.PORTAL_INCLUDE_DRAFTS),
		ceiling,
		documentsDir: documentsDir || config.documentsDir,
		...(documentsDir ? { documentsDirFromEnv: true } : {}),
		...soaSources(config, env),
		synonymsFile: env.PORTAL_SYNONYMS_FILE || config.synonymsFile,
	};
}

/** PORTAL_SOA_FILE or PORTAL_SOA_DIR replace both configured SoA locations (tests, previews). */
function soaSources(
	config: PortalConfig,
	env: Record<string, string | undefined>,
): { soaFile?: string; soaDir?: string; soaFromEnv?: boolean } {
	const file = env.PORTAL_SOA_FILE?.trim() || undefined;
	const dir = env.PORTAL_SOA_DIR?.trim() || undefined;
	if (file || dir) return { ...(file ? { soaFile: file } : {}), ...(dir ? { soaDir: dir } : {}), soaFromEnv: true };
	return { soaFile: config.soaFile, soaDir: config.soaDir };
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['', '0', 'false', 'no', 'off'];

/** An on/off variable: 1/true/yes/on or 0/false/no/off (any case), unset or empty is off. */
export function parseFlag(name: string, value: string | undefined): boolean {
	const normalised = (value ?? '').trim().toLowerCase();
	if (TRUE.includes(normalised)) return true;
	if (FALSE.includes(normalised)) return false;
	throw new RangeError(`${name} 應為 1、true、yes、on（開啟）或 0、false、no、off（關閉），收到「${value}」`);
}

/** Where the site is served (read in astro.config.mjs): PORTAL_SITE_URL and PORTAL_BASE_PATH, validated. */
export function readSiteSettings(env: Record<string, string | undefined>): { site?: string; base?: string } {
	const site = env.PORTAL_SITE_URL?.trim();
	const base = env.PORTAL_BASE_PATH?.trim();
	if (site) {
		let url: URL | undefined;
		try {
			url = new URL(site);
		} catch {
			url = undefined;
		}
		if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || url.search || url.hash) {
			throw new RangeError(
				`PORTAL_SITE_URL 應為網站的完整網址，例如 https://isms.example.gov.tw 或 https://isms.example.gov.tw/portal，收到「${site}」`,
			);
		}
	}
	if (base && !/^\/(?:(?!\.{1,2}\/)[A-Za-z0-9._~-]+\/)*(?:(?!\.{1,2}$)[A-Za-z0-9._~-]+)?\/?$/.test(base)) {
		throw new RangeError(`PORTAL_BASE_PATH 應為以 / 開頭的網址路徑（英數字、. _ ~ -），例如 /isms-portal/，收到「${base}」`);
	}
	return { ...(site ? { site } : {}), ...(base ? { base } : {}) };
}
