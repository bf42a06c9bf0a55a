import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The bytes of live objects on the heap, measured after full garbage collections: for tests that check
 * that something is let go (V8's `gc`, exposed at run time).
 */
export function liveHeap(): number {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	gc();
	gc();
	return process.memoryUsage().heapUsed;
}

/** A flat string of `bytes` characters (one byte each), filled with `fill`, as a file read from disk would be. */
export function flatText(bytes: number, fill: string): string {
	return Buffer.alloc(bytes, fill).toString('latin1');
}

/**
 * Whether the object a WeakRef points to has been collected: after the current job (a WeakRef keeps its
 * object alive until then) and full garbage collections.
 */
export async function collected(ref: WeakRef<object>): Promise<boolean> {
	await new Promise((resolve) => setImmediate(resolve));
	liveHeap();
	return ref.deref() === undefined;
}
