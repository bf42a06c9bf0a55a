/** Shared fixtures of the catalogue and crosswalk tests (not a test file). */
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { Catalogue } from '../../../src/lib/soa/catalogue.ts';
import type { Problem } from '../../../src/lib/problems.ts';
import { loadControls } from '../../../src/node/controls.ts';

export const root = resolve(import.meta.dirname, '../../..');
export const loaded = loadControls(root);
export const c2013 = loaded.c2013!;
export const c2022 = loaded.c2022!;
export const { crosswalk } = loaded;

/** Characters or words that only occur in Simplified Chinese or mainland usage. */
export const SIMPLIFIED = ['信息', '用户', '软件', '网络', '数据', '管理员', '访问', '设备', '系统', '应用'];
export const CJK = /[\u4e00-\u9fff]/;

/** ISO/IEC 27002:2022 Table B.1, as printed: 2022 control, then its 2013 controls (or New). */
export const ANNEX_B = `
5.1 05.1.1 05.1.2 | 5.2 06.1.1 | 5.3 06.1.2 | 5.4 07.2.1 | 5.5 06.1.3 | 5.6 06.1.4 | 5.7 New | 5.8 06.1.5 14.1.1
5.9 08.1.1 08.1.2 | 5.10 08.1.3 08.2.3 | 5.11 08.1.4 | 5.12 08.2.1 | 5.13 08.2.2 | 5.14 13.2.1 13.2.2 13.2.3
5.15 09.1.1 09.1.2 | 5.16 09.2.1 | 5.17 09.2.4 09.3.1 09.4.3 | 5.18 09.2.2 09.2.5 09.2.6 | 5.19 15.1.1 | 5.20 15.1.2
5.21 15.1.3 | 5.22 15.2.1 15.2.2 | 5.23 New | 5.24 16.1.1 | 5.25 16.1.4 | 5.26 16.1.5 | 5.27 16.1.6 | 5.28 16.1.7
5.29 17.1.1 17.1.2 17.1.3 | 5.30 New | 5.31 18.1.1 18.1.5 | 5.32 18.1.2 | 5.33 18.1.3 | 5.34 18.1.4 | 5.35 18.2.1
5.36 18.2.2 18.2.3 | 5.37 12.1.1
6.1 07.1.1 | 6.2 07.1.2 | 6.3 07.2.2 | 6.4 07.2.3 | 6.5 07.3.1 | 6.6 13.2.4 | 6.7 06.2.2 | 6.8 16.1.2 16.1.3
7.1 11.1.1 | 7.2 11.1.2 11.1.6 | 7.3 11.1.3 | 7.4 New | 7.5 11.1.4 | 7.6 11.1.5 | 7.7 11.2.9 | 7.8 11.2.1 | 7.9 11.2.6
7.10 08.3.1 08.3.2 08.3.3 11.2.5 | 7.11 11.2.2 | 7.12 11.2.3 | 7.13 11.2.4 | 7.14 11.2.7
8.1 06.2.1 11.2.8 | 8.2 09.2.3 | 8.3 09.4.1 | 8.4 09.4.5 | 8.5 09.4.2 | 8.6 12.1.3 | 8.7 12.2.1 | 8.8 12.6.1 18.2.3
8.9 New | 8.10 New | 8.11 New | 8.12 New | 8.13 12.3.1 | 8.14 17.2.1 | 8.15 12.4.1 12.4.2 12.4.3 | 8.16 New
8.17 12.4.4 | 8.18 09.4.4 | 8.19 12.5.1 12.6.2 | 8.20 13.1.1 | 8.21 13.1.2 | 8.22 13.1.3 | 8.23 New
8.24 10.1.1 10.1.2 | 8.25 14.2.1 | 8.26 14.1.2 14.1.3 | 8.27 14.2.5 | 8.28 New | 8.29 14.2.8 14.2.9 | 8.30 14.2.7
8.31 12.1.4 14.2.6 | 8.32 12.1.2 14.2.2 14.2.3 14.2.4 | 8.33 14.3.1 | 8.34 12.7.1
`;
export const annexB = new Map(
	ANNEX_B.split(/[|\n]/)
		.map((row) => row.trim().split(/\s+/))
		.filter((cells) => cells[0])
		.map(([to, ...from]) => [`A.${to}`, from[0] === 'New' ? [] : from.map((id) => `A.${id.replace(/^0/, '')}`)]),
);

export const NEW_IN_2022 = ['A.5.7', 'A.5.23', 'A.5.30', 'A.7.4', 'A.8.9', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.16', 'A.8.23', 'A.8.28'];

/** Every zh/en pair in a catalogue: domains or themes, objectives, controls. */
export function titles(catalogue: Catalogue): { id: string; zh: string; en: string }[] {
	return catalogue.domains.flatMap((domain) => [domain, ...(domain.objectives ?? []), ...domain.controls]);
}

/** Ids in file order: each domain, then its objectives and controls. */
export function idsInFileOrder(catalogue: Catalogue): string[] {
	return catalogue.domains.flatMap((domain) => [
		domain.id,
		...(domain.objectives
			? domain.objectives.flatMap((objective) => [objective.id, ...objective.controls.map((c) => c.id)])
			: domain.controls.map((c) => c.id)),
	]);
}

export const FILE = 'content/controls/iso27001-2013.yaml';

/** A one-domain 2013 catalogue; line 11 is the first control's id, line 14 the second's. */
export function mini2013(lines: { second?: string; extra?: string } = {}): string {
	return [
		'standard: ISO/IEC 27001:2013',
		'domains:',
		'  - id: A.5',
		'    zh: 資訊安全政策',
		'    en: Information security policies',
		'    objectives:',
		'      - id: A.5.1',
		'        zh: 資訊安全之管理指導方針',
		'        en: Management direction for information security',
		'        controls:',
		'          - id: A.5.1.1',
		'            zh: 資訊安全政策',
		'            en: Policies for information security',
		`          - id: ${lines.second ?? 'A.5.1.2'}`,
		'            zh: 資訊安全政策之審查',
		'            en: Review of the policies for information security',
		...(lines.extra === undefined ? [] : [lines.extra]),
		'',
	].join('\n');
}

export function mini2022(controlIds: string[]): string {
	return [
		'standard: ISO/IEC 27001:2022',
		'themes:',
		"  - id: '5'",
		'    zh: 組織控制措施',
		'    en: Organizational controls',
		'    controls:',
		...controlIds.flatMap((id) => [`      - id: ${id}`, '        zh: 控制措施', '        en: Control']),
		'',
	].join('\n');
}

export function expectOne(problems: Problem[], where: { line: number; column: number; rule: string }, ...mentions: string[]): void {
	expect(problems).toHaveLength(1);
	const [problem] = problems;
	expect(problem).toMatchObject({ file: FILE, severity: 'error', ...where });
	expect(problem!.message).toMatch(CJK);
	for (const text of mentions) expect(problem!.message).toContain(text);
}
