/**
 * A synthetic corpus for benchmarks: realistic Traditional Chinese clauses (sentences of the seed
 * policy, recombined), numbered sections, references between documents (numbers with exact titles,
 * clauses, Annex A controls) and several versions per document. Deterministic for a given seed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SUBJECTS = ['本局', '各單位', '資通安全處理小組', '資訊室', '系統管理者', '業務承辦人', '委外廠商'];
const VERBS = ['應定期檢視', '應建立並維護', '應於每季評估', '應依風險評鑑結果決定', '應記錄並保存', '應於變更前審查', '應指定專人管理'];
const OBJECTS = [
	'資訊資產清冊及其擁有者',
	'存取權限之申請與註銷',
	'系統日誌及異常事件紀錄',
	'備份媒體之保存與還原測試',
	'可攜式儲存媒體之使用',
	'委外廠商之資安責任與查核',
	'教育訓練紀錄及成效評估',
	'實體安全區域之進出管制',
	'弱點掃描結果及修補情形',
	'營運持續計畫之演練結果',
];
const TAILS = [
	'，並將結果陳報資通安全長。',
	'，以確保機密性、完整性及可用性。',
	'，紀錄保存三年。',
	'，必要時提報資通安全與個資保護委員會審議。',
	'，並留存相關紀錄備查。',
];
const HEADINGS = ['目的', '適用範圍', '權責', '名詞定義', '作業說明', '相關文件', '使用表單'];
const TITLES = ['管理程序書', '作業說明', '管理規範', '紀錄表', '作業程序書', '申請單'];
const TOPICS = [
	'存取控制',
	'資產管理',
	'備份',
	'日誌管理',
	'弱點管理',
	'委外管理',
	'實體安全',
	'網路安全',
	'變更管理',
	'事件通報',
	'營運持續',
	'教育訓練',
];
const CONTROLS = [
	'A.5.1.1',
	'A.6.1.2',
	'A.8.1.1',
	'A.9.2.1',
	'A.9.4.3',
	'A.11.1.2',
	'A.12.3.1',
	'A.12.4.1',
	'A.13.1.1',
	'A.16.1.2',
	'A.17.1.1',
	'A.18.1.1',
];
const LETTERS = ['P', 'S', 'F', 'G', 'H', 'K', 'T', 'W'];

function prng(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

interface Clause {
	text: string;
	child?: string;
}
interface Section {
	lead: string;
	clauses: Clause[];
}

export interface SyntheticOptions {
	documents: number;
	/** Average versions per document (1 to 4 each). */
	versionsPerDocument?: number;
	seed?: number;
}

export interface SyntheticDoc {
	docNo: string;
	title: string;
	versions: string[];
}

/** Writes `<dir>/<DOCNO>/<VERSION>.mdx` files; returns what it wrote. */
export function writeSyntheticCorpus(dir: string, options: SyntheticOptions): SyntheticDoc[] {
	const random = prng(options.seed ?? 20201016);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const perDoc = options.versionsPerDocument ?? 2.5;
	rmSync(dir, { recursive: true, force: true });
	const docs: SyntheticDoc[] = [];
	for (let i = 0; i < options.documents; i++) {
		const letter = i === 0 ? 'M' : LETTERS[Math.floor(i / 999) % LETTERS.length]!;
		const docNo = `ISMS-${letter}-${String((i % 999) + 1).padStart(3, '0')}`;
		const count = Math.max(1, Math.min(4, Math.round(perDoc + (random() - 0.5) * 2)));
		const versions = Array.from({ length: count }, (_, v) => `1.${v}`);
		docs.push({ docNo, title: `${pick(TOPICS)}${pick(TITLES)}${i}`, versions });
	}
	for (const [index, doc] of docs.entries()) {
		mkdirSync(join(dir, doc.docNo), { recursive: true });
		const sentence = (section: number) => {
			let text = `${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}`;
			const roll = random();
			const other = docs[Math.floor(random() * docs.length)]!;
			if (roll < 0.15 && other !== doc) text += `，依「${other.docNo} ${other.title}」辦理`;
			else if (roll < 0.25 && other !== doc) text += `，參閱 ${other.docNo} 第 1.1 節`;
			else if (roll < 0.35) text += `，詳第 ${section}.1 節`;
			else if (roll < 0.45) text += `，對應控制措施 ${pick(CONTROLS)}`;
			return `${text}${pick(TAILS)}`;
		};
		const clause = (section: number): Clause => ({
			text: sentence(section),
			...(random() < 0.3 ? { child: `${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}${pick(TAILS)}` } : {}),
		});
		const firstBody = (): Section[] =>
			HEADINGS.map((_, s) => ({
				lead: `${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}${pick(TAILS)}`,
				clauses: Array.from({ length: 3 + Math.floor(random() * 4) }, () => clause(s + 1)),
			}));
		const revise = (previous: Section[]): Section[] =>
			previous.map((section, s) => ({
				lead: section.lead,
				clauses: [
					...section.clauses.map((c) => (random() < 0.15 ? { ...c, text: sentence(s + 1) } : c)),
					...(random() < 0.2 ? [clause(s + 1)] : []),
				],
			}));
		let body: Section[] = [];
		doc.versions.forEach((version, v) => {
			const tier = doc.docNo.startsWith('ISMS-M') ? 1 : (index % 4) + 1;
			const year = 2019 + v;
			const lines = [
				'---',
				`docNo: ${doc.docNo}`,
				`title: ${doc.title}`,
				`version: "${version}"`,
				`tier: ${tier}`,
				`classification: ${random() < 0.7 ? '內部使用' : '公開'}`,
				`effective: ${year}-0${1 + (index % 9)}-1${index % 9}`,
				'issuedBy: 資通安全處理小組',
				'approvedBy: 資通安全長',
				'controls:',
				`  - ${pick(CONTROLS)}`,
				`changes: 第 ${version} 版修訂。`,
				'---',
				'',
			];
			// A revision is the previous version with some clauses reworded and a few added, as real ones are.
			body = v === 0 ? firstBody() : revise(body);
			for (const [s, section] of body.entries()) {
				const number = s + 1;
				lines.push(`## ${number}. ${HEADINGS[s]}`, '', section.lead, '');
				section.clauses.forEach((clause, c) => {
					lines.push(`- ${number}.${c + 1} ${clause.text}`);
					if (clause.child) lines.push(`  - ${number}.${c + 1}.1 ${clause.child}`);
				});
				lines.push('');
			}
			writeFileSync(join(dir, doc.docNo, `${version}.mdx`), lines.join('\n'));
		});
	}
	return docs;
}
