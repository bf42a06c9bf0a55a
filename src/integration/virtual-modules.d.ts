declare module 'virtual:isms-portal/model' {
	const model: import('../lib/documents/portal.ts').PortalModel;
	export default model;
}

declare module 'virtual:isms-portal/preview' {
	const preview: import('../lib/site/preview.ts').Preview;
	export default preview;
}
