/** `npm run publish` (scripts/publish.ts is its command line): see publish.ts (and rollback.ts). */
export { publish, verifyAudience, type PublishOptions, type PublishResult } from './publish.ts';
export { rollback, type RollbackOptions, type RollbackResult } from './rollback.ts';
export { listReleases, readTargetSetup, type ReleaseInfo } from './target.ts';
export { defaultSource } from './source.ts';
export { DEFAULT_WAIT_MS, LOCK_FILE, type LockHolder } from './lock.ts';
export type { PublishFs } from './fs.ts';
export { DEFAULT_KEEP, PublishError } from '../../lib/publish/releases.ts';
