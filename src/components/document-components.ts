import type { DocumentComponentName } from '../lib/body/document-components.ts';

/**
 * The component each name of DOCUMENT_COMPONENTS renders as in a document body (handed to the body
 * as `<Content components={documentComponents} />`). The type requires exactly the listed names, so
 * the checker's list and what pages render cannot drift apart.
 */
export const documentComponents: Record<DocumentComponentName, unknown> = {};
