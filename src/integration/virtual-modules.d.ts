declare module 'virtual:isms-portal/model' {
	const model: import('../lib/portal.ts').PortalModel;
	export default model;
}

declare module 'virtual:isms-portal/blocks' {
	/** Path of the JSON file holding each published version's text blocks. */
	const blocksFile: string;
	export default blocksFile;
}
