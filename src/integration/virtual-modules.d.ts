declare module 'virtual:isms-portal/model' {
	const model: import('../lib/documents/portal.ts').PortalModel;
	export default model;
}
