import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PortalUserConfig } from '../src/lib/config.ts';

/** The portal configuration as written in astro.config.mjs (its `portal` export), for the CLIs. */
export async function loadPortalConfig(root: string): Promise<PortalUserConfig> {
	const file = join(root, 'astro.config.mjs');
	if (!existsSync(file)) throw new Error(`找不到 ${file}`);
	const mod = (await import(pathToFileURL(file).href)) as { portal?: PortalUserConfig };
	if (!mod.portal) throw new Error('astro.config.mjs 沒有匯出入口網設定（export const portal = {...}）');
	return mod.portal;
}
