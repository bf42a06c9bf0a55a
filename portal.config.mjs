// @ts-check
/**
 * The portal's configuration: who publishes it and how documents are numbered. Plain data, no imports, so the
 * command line tools (npm run check, report, import, soa:migrate) read it without loading Astro and Starlight;
 * astro.config.mjs passes it to the portal's plugin (and re-exports it).
 * @type {import('./src/schemas/config.ts').PortalUserConfig}
 */
export const portal = {
	organization: '臺北市政府警察局',
	siteTitle: '資安文件入口網',
	documentsDir: 'content/documents',
	controlsDir: 'content/controls',
	docNoPattern: '^ISMS-[A-Z]-\\d{3}$',
	docNoDescription: 'ISMS-<大寫英文字母>-<3 位數字>，例如 ISMS-P-005',
	maxClassification: 'internal',
	controlsCatalogue: '2013',
};
