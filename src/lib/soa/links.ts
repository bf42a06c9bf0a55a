import { controlPath } from '../site/urls.ts';
import { controlEdition, type Edition } from './ids.ts';

/**
 * Where a control id in a document links: the row of the SoA in force that covers it. An id of the
 * other catalogue links to its crosswalk counterpart and says so beside it (「→ A.5.17」).
 */
export interface ControlLink {
	href: string;
	/** Shown after the id when it is covered by another catalogue's control: 「→ A.5.17」. */
	note?: string;
	title?: string;
}

export function controlLink(
	id: string,
	links: Readonly<Record<string, readonly string[]>>,
	inForce: Edition | undefined,
): ControlLink | undefined {
	const targets = links[id];
	if (!targets || targets.length === 0) return undefined;
	if (targets.length === 1 && targets[0] === id) return { href: controlPath(id) };
	const edition = controlEdition(targets[0]!) ?? inForce;
	return {
		href: controlPath(targets[0]!),
		note: `→ ${targets.join('、')}`,
		title: `${id} 依對照表屬 ${edition} 版 ${targets.join('、')}`,
	};
}

/**
 * On /soa/: the ids of the other catalogue whose links land on each row, by row id, so that an old
 * bookmark (/soa/#control-a-9-4-3) still reaches the row that covers the control now.
 */
export function aliasAnchors(links: Readonly<Record<string, readonly string[]>>): Map<string, string[]> {
	const aliases = new Map<string, string[]>();
	for (const [id, targets] of Object.entries(links)) {
		const first = targets[0];
		if (first && first !== id) aliases.set(first, [...(aliases.get(first) ?? []), id]);
	}
	return aliases;
}
