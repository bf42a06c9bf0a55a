/**
 * npm run check [-- --format text|github|json|codequality]: the cross-reference checker (scripts/check-main.ts).
 *
 * Started through Node's compile cache: Node strips the types of the ~100 TypeScript modules the checker
 * loads and compiles them on every start, a third of a second; cached (in the system's temporary folder, or
 * NODE_COMPILE_CACHE), a later run reads them back. The cache must be on before the modules load, so the
 * checker is imported here rather than named in a static import.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./check-main.ts');
