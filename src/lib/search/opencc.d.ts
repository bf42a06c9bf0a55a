// opencc-js ships types for its entry points only; its per-dictionary modules (package export './*')
// are plain ES modules whose default export is a dictionary ("a b|c d") or a list of dictionary groups.
declare module 'opencc-js/dict/*' {
	const dictionary: string;
	export default dictionary;
}
declare module 'opencc-js/from/*' {
	const groups: string[][];
	export default groups;
}
declare module 'opencc-js/to/*' {
	const groups: string[][];
	export default groups;
}
