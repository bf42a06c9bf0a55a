// One linter configuration for TypeScript, Astro components, scripts and tests (`npm run lint`).
// Besides the recommended rules it holds the architecture's one hard rule: the pure domain
// (src/lib, src/schemas) does not reach the file system, processes, Astro or the browser.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

const unused = [
	'error',
	{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
];

export default tseslint.config(
	{ ignores: ['dist/', '.astro/', 'node_modules/', 'test/fixtures/', 'test/schemas/', 'public/'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': unused,
			// Hostile-input guards match control characters on purpose; Chinese text has full-width spaces.
			'no-control-regex': 'off',
			'no-irregular-whitespace': [
				'error',
				{ skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true },
			],
		},
	},
	{
		files: ['src/client/**'],
		languageOptions: { globals: { ...globals.browser } },
	},
	{
		files: ['src/lib/**'],
		languageOptions: { globals: {} },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['node:*'], message: 'src/lib is pure: file and process code belongs in src/node/.' },
						{
							group: ['astro', 'astro/*', 'astro:*', '@astrojs/*'],
							message: 'src/lib is pure: Astro belongs in src/integration/ and pages; zod schemas in src/schemas/.',
						},
						{
							group: ['**/node/**', '**/integration/**', '**/client/**', '**/components/**'],
							message: 'src/lib is the core: it depends on nothing above it.',
						},
					],
				},
			],
			'no-restricted-globals': ['error', 'document', 'window', 'process', 'Buffer', 'navigator', 'localStorage'],
		},
	},
);
