import type { Element, ElementContent } from 'hast';
import type { DocumentComponentName } from '../body/document-components.ts';

/** A portal component as the HTML it renders: its quoted props and its rendered children in, one element out. */
export type DocumentComponentElement = (props: Record<string, string>, children: ElementContent[]) => Element;

/**
 * The element each name of DOCUMENT_COMPONENTS (src/lib/document-components.ts) renders as in a
 * document body. Bodies are rendered from the analysis tree as HTML (src/lib/render/), not compiled
 * into modules, so a component is a function from its props and children to hast. The type requires
 * exactly the listed names, so the checker's list and what pages render cannot drift apart. None yet.
 */
export const DOCUMENT_COMPONENT_ELEMENTS: Record<DocumentComponentName, DocumentComponentElement> = {};
