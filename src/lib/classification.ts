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

const ALIASES: ReadonlyMap<string, Classification> = new Map(
	CLASSIFICATIONS.flatMap((level) => [
		[level, level],
		[CLASSIFICATION_LABELS[level], level],
	]),
);

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
