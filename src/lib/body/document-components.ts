/**
 * Components the portal provides to document bodies, by the name authors write (`<Name>…</Name>`),
 * with no `import`: a body may use these and no other component (src/lib/body/mdx-rules.ts). Each name is
 * rendered as the element DOCUMENT_COMPONENT_ELEMENTS (src/lib/render/components.ts) maps it to, when
 * the body is rendered from its tree; the type there makes the two lists agree.
 * None yet: to offer one, add its name here, its element there, and document it on the help page.
 */
export const DOCUMENT_COMPONENTS = [] as const satisfies readonly string[];

export type DocumentComponentName = (typeof DOCUMENT_COMPONENTS)[number];
