/**
 * Shared builders for the unit tests (not a test file: vitest only collects `*.test.ts`).
 * Temporary corpora live under the OS temp folder and are removed by `removeTempDirs()`.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { BuildSettings } from '../../src/lib/site/settings.ts';
import type { DocumentVersion } from '../../src/lib/documents/document-version.ts';
import type { PublishedDocument, PublishedVersion } from '../../src/lib/documents/portal.ts';
import type { VersionState } from '../../src/lib/documents/resolve.ts';

const created: string[] = [];

/** Creates a temporary project root holding `files` (paths relative to the root, forward slashes). */
export function makeTree(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'isms-unit-'));
	created.push(root);
	for (const [path, content] of Object.entries(files)) {
		const full = join(root, ...path.split('/'));
		mkdirSync(dirname(full), { recursive: true });
		writeFileSync(full, content, 'utf8');
	}
	return root;
}

/** The project root (where content/controls lives). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** Copies the project's Annex A catalogues (content/controls) into a tree made by makeTree. */
export function copyControls(root: string): void {
	cpSync(join(PROJECT_ROOT, 'content', 'controls'), join(root, 'content', 'controls'), { recursive: true });
}

/** A temp project root with the given files and the project's Annex A catalogues. */
export function makeProjectTree(files: Record<string, string>): string {
	const root = makeTree(files);
	copyControls(root);
	return root;
}

/** Where the test corpora keep their documents (the portal's default). */
export const DOCS = 'content/documents';

/** Build settings for a test corpus: as of 2025-01-15, no drafts, ceiling internal. */
export function buildSettings(overrides: Partial<BuildSettings> = {}): BuildSettings {
	return { today: '2025-01-15', includeDrafts: false, ceiling: 'internal', documentsDir: DOCS, ...overrides };
}

/** Creates an empty directory inside a tree made by makeTree. */
export function makeDir(root: string, path: string): void {
	mkdirSync(join(root, ...path.split('/')), { recursive: true });
}

export function removeTempDirs(): void {
	for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

/**
 * An MDX file whose frontmatter has one `key: value` line per entry, in order, values written as
 * raw YAML (so `version: '"1.0"'` is quoted and `tier: '2'` is a number). `undefined` drops a field.
 * Line 1 is `---`, the first field is on line 2.
 */
export function mdx(fields: Record<string, string | undefined>, body = '## 1. 目的\n\n- 1.1 本程序書規範文件管理。\n'): string {
	const lines = Object.entries(fields)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([key, value]) => `${key}: ${value}`);
	return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/**
 * Raw YAML for a valid version of `docNo`; `overrides` replace or (with undefined) remove fields.
 * Field lines: docNo 2, title 3, version 4, tier 5, classification 6, effective 7.
 */
export function versionFields(
	docNo: string,
	version: string,
	overrides: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
	return {
		docNo,
		title: '資訊安全目標管理程序書',
		version: `"${version}"`,
		tier: '2',
		classification: 'internal',
		effective: '2020-10-16',
		...overrides,
	};
}

export function versionFile(docNo: string, version: string, overrides: Record<string, string | undefined> = {}): string {
	return mdx(versionFields(docNo, version, overrides));
}

/** A loaded DocumentVersion, as corpus.loadCorpus would produce it, for resolve/portal/listing tests. */
export function dv(docNo: string, version: string, effective: string, extra: Partial<DocumentVersion> = {}): DocumentVersion {
	return {
		file: `content/documents/${docNo}/${version}.mdx`,
		id: `${docNo}/${version}`,
		docNo,
		title: `${docNo} 標題`,
		version,
		tier: 2,
		classification: 'internal',
		effective,
		reviewEveryMonths: 12,
		lastReviewed: effective,
		controls: [],
		example: false,
		body: '',
		bodyLine: 10,
		fieldPositions: { docNo: { line: 2, column: 8 }, version: { line: 4, column: 10 }, effective: { line: 7, column: 12 } },
		...extra,
	};
}

/** A published version (what the pages see), for listing tests. */
export function pv(docNo: string, version: string, state: VersionState, extra: Partial<PublishedVersion> = {}): PublishedVersion {
	const { body: _body, bodyLine: _bodyLine, fieldPositions: _fieldPositions, ...rest } = dv(docNo, version, '2020-01-01');
	return { ...rest, state, url: `/documents/${docNo.toLowerCase()}/v${version}/`, ...extra };
}

/** A published document; `versions` newest first; `current` is the version whose state is current. */
export function pd(docNo: string, versions: PublishedVersion[]): PublishedDocument {
	const current = versions.find((v) => v.state === 'current');
	const latest = current ?? versions[0];
	if (!latest) throw new Error('pd() needs at least one version');
	return {
		docNo,
		url: `/documents/${docNo.toLowerCase()}/`,
		latest,
		...(current ? { current } : {}),
		versions,
	};
}
