import { z } from 'astro/zod';
import { CLASSIFICATION_PRESETS, CLASSIFICATIONS, parseClassification, type Classification, type ClassificationPreset } from './classification.ts';
import { REFERENCE_RULES, type ReferenceRule } from './check.ts';
import { portalToday } from './dates.ts';
import { DEFAULT_DOCNO_DESCRIPTION, DEFAULT_DOCNO_PATTERN } from './schema.ts';

/** The portal's configuration, written in astro.config.mjs. */
export const portalConfigSchema = z.strictObject({
	/** 機關名稱, e.g. 臺北市政府警察局: printed on every controlled-document header. */
	organization: z.string().trim().min(1),
	/** 網站名稱, e.g. 資安文件入口網. */
	siteTitle: z.string().trim().min(1),
	/** Folder of controlled documents, relative to the project root. */
	documentsDir: z.string().default('content/documents'),
	docNoPattern: z.string().default(DEFAULT_DOCNO_PATTERN),
	docNoDescription: z.string().default(DEFAULT_DOCNO_DESCRIPTION),
	/** Highest classification the all-staff build publishes (AUTHORING.md: up to internal). */
	maxClassification: z.enum(CLASSIFICATIONS).default('internal'),
	/**
	 * Which labels pages show for the classification levels: `iso` 公開/內部使用/限閱/機密 (default) or
	 * `government` 公開/一般/限閱/密. Frontmatter accepts the labels of both presets either way.
	 */
	classificationLabels: z.enum(Object.keys(CLASSIFICATION_PRESETS) as [ClassificationPreset, ...ClassificationPreset[]]).default('iso'),
	/** The agency's names for what each tier holds, e.g. `{ 1: '政策/手冊/計畫' }`; unnamed tiers keep the defaults. */
	tierKinds: z.partialRecord(z.enum(['1', '2', '3', '4']), z.string().trim().min(1)).default({}),
	/** Statement of Applicability data, relative to the project root. */
	soaFile: z.string().default('content/soa.yaml'),
	/** Folder of SoA versions (`<VERSION>.yaml`), relative to the project root; beside or instead of soaFile. */
	soaDir: z.string().default('content/soa'),
	/** The document controller's search synonyms, relative to the project root (optional file). */
	synonymsFile: z.string().default('content/search/synonyms.yaml'),
	/** Folder of the Annex A catalogues and crosswalk, relative to the project root. */
	controlsDir: z.string().default('content/controls'),
	/**
	 * Annex A catalogue of the SoA page when there is no SoA in force; otherwise the SoA in force names
	 * its own catalogue. Control ids of both catalogues are always valid in documents.
	 */
	controlsCatalogue: z.enum(['2013', '2022']).default('2013'),
	/** Severity per checker rule (`error`, `warning` or `off`); broken references are errors by default. */
	checks: z.partialRecord(z.enum(Object.keys(REFERENCE_RULES) as [ReferenceRule, ...ReferenceRule[]]), z.enum(['error', 'warning', 'off'])).default({}),
});

export type PortalUserConfig = z.input<typeof portalConfigSchema>;
export type PortalConfig = z.output<typeof portalConfigSchema>;

/** Build-time settings read from the environment (AUTHORING.md), validated. */
export interface BuildSettings {
	today: string;
	includeDrafts: boolean;
	ceiling: Classification;
	/** Overrides config.documentsDir (test fixtures, previews). */
	documentsDir: string;
	/** The SoA sources: config.soaFile and config.soaDir, or only what PORTAL_SOA_FILE / PORTAL_SOA_DIR name. */
	soaFile?: string;
	soaDir?: string;
	/** Overrides config.synonymsFile. */
	synonymsFile?: string;
	/** The site's base path (Astro `base`), `/` when served from the root. */
	base?: string;
}

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
	return {
		today,
		includeDrafts: env.PORTAL_INCLUDE_DRAFTS === '1',
		ceiling,
		documentsDir: env.PORTAL_DOCUMENTS_DIR || config.documentsDir,
		...soaSources(config, env),
		synonymsFile: env.PORTAL_SYNONYMS_FILE || config.synonymsFile,
	};
}

/** PORTAL_SOA_FILE or PORTAL_SOA_DIR replace both configured SoA locations (tests, previews). */
function soaSources(config: PortalConfig, env: Record<string, string | undefined>): { soaFile?: string; soaDir?: string } {
	const file = env.PORTAL_SOA_FILE || undefined;
	const dir = env.PORTAL_SOA_DIR || undefined;
	if (file || dir) return { ...(file ? { soaFile: file } : {}), ...(dir ? { soaDir: dir } : {}) };
	return { soaFile: config.soaFile, soaDir: config.soaDir };
}
