/**
 * Classification levels (機密等級), ordered from least to most sensitive.
 * AUTHORING.md: `public` `internal` `restricted` `confidential`, or the aliases 公開 內部使用 限閱 機密.
 */
export const CLASSIFICATIONS = ['public', 'internal', 'restricted', 'confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Traditional Chinese label for each level, as printed on the paper original. */
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
	public: '公開',
	internal: '內部使用',
	restricted: '限閱',
	confidential: '機密',
};

/**
 * Label presets in use in Taiwanese agencies, mapped onto the same four levels (and so onto the
 * publication ceiling): `iso` 公開/內部使用/限閱/機密 (ISO 27001 practice, the default labels) and
 * `government` 公開/一般/限閱/密 (the government's document classification: 一般 is ordinary
 * official business, 密 the lowest secret grade). Frontmatter may use any label of either preset.
 */
export const CLASSIFICATION_PRESETS = {
	iso: CLASSIFICATION_LABELS,
	government: { public: '公開', internal: '一般', restricted: '限閱', confidential: '密' },
} as const satisfies Record<string, Record<Classification, string>>;
export type ClassificationPreset = keyof typeof CLASSIFICATION_PRESETS;

const ALIASES: ReadonlyMap<string, Classification> = new Map(
	CLASSIFICATIONS.flatMap((level) => [
		[level, level] as const,
		...Object.values(CLASSIFICATION_PRESETS).map((labels) => [labels[level], level] as const),
	]),
);

/** The labels shown for each level (document header, lists, search filters, print) under a preset. */
export function classificationLabels(preset: ClassificationPreset = 'iso'): Record<Classification, string> {
	return CLASSIFICATION_PRESETS[preset];
}

/** Every spelling an author may write, for error messages. */
export const CLASSIFICATION_SPELLINGS: readonly string[] = [...ALIASES.keys()];

/** Resolves an English id or Chinese alias to a level; undefined when it is neither. */
export function parseClassification(value: string): Classification | undefined {
	return ALIASES.get(value.trim());
}

export function classificationRank(level: Classification): number {
	return CLASSIFICATIONS.indexOf(level);
}

/** True when a document of `level` may be published to an audience cleared up to `ceiling`. */
export function isWithinCeiling(level: Classification, ceiling: Classification): boolean {
	return classificationRank(level) <= classificationRank(ceiling);
}
