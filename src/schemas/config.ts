import { z } from 'astro/zod';
import { CLASSIFICATION_PRESETS, CLASSIFICATIONS, type ClassificationPreset } from '../lib/documents/classification.ts';
import { DEFAULT_DOCNO_DESCRIPTION, DEFAULT_DOCNO_PATTERN } from '../lib/documents/fields.ts';
import { REFERENCE_RULES, type ReferenceRule } from '../lib/references/check.ts';
import { explainIssues, type FieldSpec } from './issues.ts';

/** The portal's configuration, written in portal.config.mjs. */
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
	checks: z
		.partialRecord(z.enum(Object.keys(REFERENCE_RULES) as [ReferenceRule, ...ReferenceRule[]]), z.enum(['error', 'warning', 'off']))
		.default({}),
});

export type PortalUserConfig = z.input<typeof portalConfigSchema>;
export type PortalConfig = z.output<typeof portalConfigSchema>;

const folder = (what: string): FieldSpec => ({ label: what, expected: '相對於專案根目錄的路徑文字' });
const line = (what: string, example: string): FieldSpec => ({ label: what, expected: `非空白的文字，例如 ${example}` });

/** What each option of ismsPortal({...}) expects, in the words the build prints. */
export const CONFIG_FIELDS: Record<string, FieldSpec> = {
	organization: line('機關名稱', '臺北市政府警察局'),
	siteTitle: line('網站名稱', '資安文件入口網'),
	documentsDir: folder('文件資料夾'),
	docNoPattern: { label: '文件編號格式', expected: '正規表示式文字，例如 ^ISMS-[A-Z]-\\d{3}$' },
	docNoDescription: line('文件編號格式說明', 'ISMS-<大寫英文字母>-<3 位數字>'),
	maxClassification: { label: '發布上限', expected: CLASSIFICATIONS.join('、') },
	classificationLabels: { label: '機密等級標示', expected: "'iso'（公開/內部使用/限閱/機密）或 'government'（公開/一般/限閱/密）" },
	tierKinds: { label: '各階文件名稱', expected: "以 1–4 為鍵的對應表，例如 { 1: '政策/手冊/計畫' }" },
	soaFile: folder('適用性聲明書檔案'),
	soaDir: folder('適用性聲明書資料夾'),
	synonymsFile: folder('同義詞檔'),
	controlsDir: folder('控制措施目錄資料夾'),
	controlsCatalogue: { label: '預設控制措施版本', expected: "'2013' 或 '2022'（加引號）" },
	checks: {
		label: '檢查規則嚴重度',
		expected: `以規則為鍵（${Object.keys(REFERENCE_RULES).join('、')}），值為 'error'、'warning' 或 'off' 的對應表`,
		values: Object.keys(REFERENCE_RULES),
	},
};

/**
 * The portal configuration as written, validated: its value, or one zh-TW message per wrong option
 * (`portal.config.mjs  error  config/invalid  <message>` in the build and the CLIs).
 */
export function parsePortalConfig(userConfig: unknown): { ok: true; config: PortalConfig } | { ok: false; messages: string[] } {
	const parsed = portalConfigSchema.safeParse(userConfig);
	if (parsed.success) return { ok: true, config: parsed.data };
	const issues = explainIssues(parsed.error.issues, userConfig, (path) =>
		path.length === 0
			? { fields: CONFIG_FIELDS, where: '入口網設定 ismsPortal({…})' }
			: { fields: {}, where: `入口網設定 ${path.map(String).join('.')}` },
	);
	return { ok: false, messages: issues.map((issue) => issue.message) };
}
