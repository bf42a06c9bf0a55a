import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePortalConfig, type PortalConfig, type PortalUserConfig } from '../src/schemas/config.ts';
import { readBuildSettings, type BuildSettings } from '../src/lib/site/settings.ts';

/** Where the portal's configuration is written: plain data, read by the CLIs without loading Astro (astro.config.mjs imports it). */
export const PORTAL_CONFIG_FILE = 'portal.config.mjs';

/** The portal configuration as written in portal.config.mjs (its `portal` export), for the CLIs. */
export async function loadPortalConfig(root: string): Promise<PortalUserConfig> {
	const file = join(root, PORTAL_CONFIG_FILE);
	if (!existsSync(file)) throw new Error(`找不到 ${file}`);
	const mod = (await import(pathToFileURL(file).href)) as { portal?: PortalUserConfig };
	if (!mod.portal) throw new Error(`${PORTAL_CONFIG_FILE} 沒有匯出入口網設定（export const portal = {...}）`);
	return mod.portal;
}

/**
 * The configuration and the build settings from the environment, as the site build reads them; a
 * bad setting ends the CLI with one problem line naming it (as the build does) and exit code 1,
 * never a stack trace.
 */
export async function portalSetup(root: string): Promise<{ config: PortalConfig; settings: BuildSettings }> {
	try {
		const parsed = parsePortalConfig(await loadPortalConfig(root));
		if (!parsed.ok) throw new Error(parsed.messages.join('；'));
		return { config: parsed.config, settings: readBuildSettings(parsed.config, process.env) };
	} catch (error) {
		const [file, rule] = error instanceof RangeError ? ['(環境變數)', 'config/env'] : [PORTAL_CONFIG_FILE, 'config/invalid'];
		process.stderr.write(`${file}  error  ${rule}  ${(error as Error).message}\n`);
		process.exit(1);
	}
}
