/**
 * Runs one real `astro build` of the portal in this process (Astro's programmatic `build()`, as
 * `astro build` does) and prints how many bodies were parsed and outlined during it
 * (src/lib/outline/parse-count.ts), as JSON on the last line. Used by parse-count.test.ts:
 *   node test/build/count-parses.ts <outDir>   (with the fixture's PORTAL_* environment)
 */
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { parseCount } from '../../src/lib/outline/parse-count.ts';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node test/build/count-parses.ts <outDir>');
await build({ root: fileURLToPath(new URL('../..', import.meta.url)), outDir, logLevel: 'error' });
process.stdout.write(`\n${JSON.stringify(parseCount())}\n`);
process.exit(0);
