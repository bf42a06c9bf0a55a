declare module 'virtual:isms-portal/model' {
	const model: import('../lib/portal.ts').PortalModel;
	export default model;
}

declare module 'virtual:isms-portal/blocks' {
	const blocks: Record<string, import('../lib/blocks.ts').Block[]>;
	export default blocks;
}
