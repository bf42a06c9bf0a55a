import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ImportError } from './source.ts';

/**
 * The mark an import leaves in the frontmatter (a YAML comment, invisible to the schema): the source
 * file and a check code over the rest of the file, so `--force` replaces only an import nobody has
 * edited since.
 */
const MARK = /^# 由 npm run import 匯入自「(.*)」，核對碼 ([0-9a-f]{16})$/m;

function checkCode(content: string): string {
	return createHash('sha256').update(content.replace(/\r\n/g, '\n')).digest('hex').slice(0, 16);
}

/** The file's content with the import mark as the first frontmatter line. */
export function markImported(content: string, fileName: string): string {
	const safeName = fileName.replace(/[\r\n「」]/g, '_');
	return content.replace(/^---\n/, `---\n# 由 npm run import 匯入自「${safeName}」，核對碼 ${checkCode(content)}\n`);
}

/** Whether a file is an untouched import: `unmarked`, `edited` (mark present, content changed) or `intact`. */
export function importState(text: string): 'unmarked' | 'edited' | 'intact' {
	const mark = MARK.exec(text);
	if (!mark) return 'unmarked';
	const rest = text.replace(/\r\n/g, '\n').replace(`${mark[0]}\n`, '');
	return checkCode(rest) === mark[2] ? 'intact' : 'edited';
}

export interface WriteRequest {
	root: string;
	/** Relative to root. */
	file: string;
	assetDir: string;
	content: string;
	/** Absolute source path → file name in the asset folder. */
	images: { from: string; name: string }[];
	force: boolean;
	/** Shown in messages: the target as staff know it. */
	fileName: string;
}

/**
 * Writes the version file and its images, all or nothing: everything is written beside the target
 * under dot names (which the corpus ignores) and renamed into place at the end; on any failure what
 * was written is removed and a replaced import is put back. Refuses to overwrite a file that is not
 * an untouched earlier import, and without `--force` any file.
 */
export function writeImport(request: WriteRequest): void {
	const target = join(request.root, request.file);
	const assets = join(request.root, request.assetDir);
	if (existsSync(target)) {
		if (!request.force)
			throw new ImportError('import/target-exists', `${request.file} 已存在，未覆蓋；若要以新的匯入取代先前的匯入，請加上 --force`);
		const state = importState(readFileSync(target, 'utf8'));
		if (state === 'unmarked')
			throw new ImportError(
				'import/target-exists',
				`${request.file} 已存在且不是由匯入產生的檔案，--force 也不會覆蓋；請改用新的版次，或先自行移走該檔`,
			);
		if (state === 'edited')
			throw new ImportError('import/target-exists', `${request.file} 在匯入後已被修改，--force 不會覆蓋手動修改；請先移走該檔再重新匯入`);
	} else if (existsSync(assets) && request.images.length > 0 && !request.force) {
		throw new ImportError('import/target-exists', `${request.assetDir}/ 已存在，未覆蓋；請先確認其中的圖檔是否仍需要`);
	}

	const folder = dirname(target);
	const created: string[] = [];
	const ensure = (dir: string) => {
		if (existsSync(dir)) return;
		ensure(dirname(dir));
		mkdirSync(dir);
		created.push(dir);
	};
	const tag = `.import-${process.pid}-${Date.now()}`;
	const tmpFile = join(folder, `${tag}.mdx`);
	const tmpAssets = join(folder, `${tag}-assets`);
	const oldAssets = join(folder, `${tag}-previous`);
	let movedOld = false;
	try {
		ensure(folder);
		writeFileSync(tmpFile, markImported(request.content, request.fileName), { flag: 'wx' });
		if (request.images.length > 0) {
			mkdirSync(tmpAssets);
			for (const image of request.images) copyFileSync(image.from, join(tmpAssets, image.name));
		}
		if (existsSync(assets)) {
			renameSync(assets, oldAssets);
			movedOld = true;
		}
		if (request.images.length > 0) {
			ensure(dirname(assets));
			renameSync(tmpAssets, assets);
		}
		renameSync(tmpFile, target);
		if (movedOld) rmSync(oldAssets, { recursive: true, force: true });
	} catch (error) {
		rmSync(tmpFile, { force: true });
		rmSync(tmpAssets, { recursive: true, force: true });
		if (movedOld) {
			rmSync(assets, { recursive: true, force: true });
			renameSync(oldAssets, assets);
		}
		for (const dir of created.reverse()) rmSync(dir, { recursive: true, force: true });
		if (error instanceof ImportError) throw error;
		throw new ImportError('import/write-failed', `無法寫入 ${request.file}：${(error as Error).message}；未寫入任何檔案`);
	}
}
