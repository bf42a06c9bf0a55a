import { z } from 'astro/zod';
import { parseClassification } from '../lib/documents/classification.ts';
import { parseDateInput, toIsoDate } from '../lib/documents/dates.ts';
import {
	ATTACHMENT_PATTERN,
	CONTROL_ID_PATTERN,
	DEFAULT_DOCNO_PATTERN,
	fieldExpectations,
	type SchemaOptions,
} from '../lib/documents/fields.ts';
import { VERSION_PATTERN } from '../lib/documents/version.ts';
import { LIMITS } from '../lib/limits.ts';
import { explainIssues, type FieldIssue } from './issues.ts';

export type { FieldIssue };

/** A required text field: not empty, not only spaces. */
export const text = () => z.string().trim().min(1);

/** A name shown on one line (a title, a unit): no line breaks or other control characters. */
const oneLine = (max: number) =>
	text()
		.max(max)
		.regex(/^[^\u0000-\u001f\u007f]*$/);

/**
 * A calendar date, normalised to `YYYY-MM-DD`: written `YYYY-MM-DD`, `民國113年10月18日` or with a
 * three-digit ROC year `113-10-18` / `113.10.18` (dates.ts parseDateInput). YAML 1.1 parsers hand
 * over Dates: accepted too.
 */
export const isoDateSchema = z
	.union([z.string(), z.date()])
	.refine((value) => (typeof value === 'string' ? parseDateInput(value) !== undefined : !Number.isNaN(value.getTime())))
	.transform((value) => (typeof value === 'string' ? parseDateInput(value)! : toIsoDate(value)));

/**
 * The frontmatter of one version of a controlled document (AUTHORING.md, binding).
 * Unknown fields are rejected so that a typo never passes silently.
 */
export function documentFrontmatterSchema(options: SchemaOptions = {}) {
	const pattern = options.docNoPattern ?? DEFAULT_DOCNO_PATTERN;
	let schema = schemas.get(pattern);
	if (!schema) {
		schema = createSchema(pattern);
		schemas.set(pattern, schema);
	}
	return schema;
}

/** Building a zod schema costs far more than using one: one per docNo pattern. */
const schemas = new Map<string, ReturnType<typeof createSchema>>();

function createSchema(pattern: string) {
	const docNo = new RegExp(pattern);
	return z.strictObject({
		docNo: z.string().regex(docNo),
		title: oneLine(LIMITS.title),
		version: z.string().regex(VERSION_PATTERN),
		tier: z.literal([1, 2, 3, 4]),
		classification: z
			.string()
			.refine((value) => parseClassification(value) !== undefined)
			.transform((value) => parseClassification(value)!),
		effective: isoDateSchema,
		issuedBy: oneLine(LIMITS.text).optional(),
		approvedBy: oneLine(LIMITS.text).optional(),
		reviewedBy: oneLine(LIMITS.text).optional(),
		owner: oneLine(LIMITS.text).optional(),
		status: z.enum(['draft', 'withdrawn']).optional(),
		reviewEveryMonths: z.int().min(1).max(120).default(12),
		lastReviewed: isoDateSchema.optional(),
		controls: z.array(z.string().regex(CONTROL_ID_PATTERN)).max(LIMITS.controls).default([]),
		changes: text().max(LIMITS.changes).optional(),
		attachments: z.array(z.string().regex(ATTACHMENT_PATTERN)).default([]),
		example: z.boolean().default(false),
	});
}

export type DocumentFrontmatter = z.output<ReturnType<typeof createSchema>>;

/**
 * Validates frontmatter and explains every problem in Traditional Chinese (src/schemas/issues.ts): the
 * field as written, its Chinese name, the value found, what was expected and the value meant when one is close.
 */
export function validateFrontmatter(
	data: Record<string, unknown>,
	options: SchemaOptions = {},
): { ok: true; value: DocumentFrontmatter } | { ok: false; issues: FieldIssue[] } {
	const result = documentFrontmatterSchema(options).safeParse(data);
	if (result.success) return { ok: true, value: result.data };
	const fields = fieldExpectations(options);
	return { ok: false, issues: explainIssues(result.error.issues, data, () => ({ fields })) };
}
