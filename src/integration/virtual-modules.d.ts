declare module 'virtual:isms-portal/model' {
	const model: import('../lib/portal.ts').PortalModel;
	export default model;
}
