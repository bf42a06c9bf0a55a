/**
 * Is the publication target a folder a web server can serve from, that this process can write to?
 * Checked before anything is written, in a few system calls: a target on /proc, /sys, /dev or another
 * kernel file system (where a recursive mkdir can spin forever), on a read-only file system, or without
 * write permission is refused at once with a message that says what to do.
 */
import { accessSync, constants, realpathSync, statfsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { PublishError } from '../../lib/publish/releases.ts';
import { isCode, messageOf } from './fs.ts';

/** Kernel file systems by statfs(2) f_type (linux/magic.h): none of them holds a web site. */
const SPECIAL_FILESYSTEMS = new Map<number, string>([
	[0x9fa0, 'proc'],
	[0x62656572, 'sysfs'],
	[0x1cd1, 'devpts'],
	[0x64626720, 'debugfs'],
	[0x74726163, 'tracefs'],
	[0x73636673, 'securityfs'],
	[0xf97cff8c, 'selinuxfs'],
	[0x43415d53, 'smackfs'],
	[0x27e0eb, 'cgroup'],
	[0x63677270, 'cgroup2'],
	[0xcafe4a11, 'bpf'],
	[0x6165676c, 'pstore'],
	[0xde5e81e4, 'efivarfs'],
	[0x62656570, 'configfs'],
	[0x65735543, 'fusectl'],
	[0x42494e4d, 'binfmt_misc'],
	[0x958458f6, 'hugetlbfs'],
	[0x19800202, 'mqueue'],
	[0x6e736673, 'nsfs'],
]);

/** Folders of kernel file systems, refused by path on every platform (devtmpfs reports itself as tmpfs). */
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

export interface TargetLocation {
	/** The absolute target path. */
	target: string;
	/** Whether the target folder exists already (else publish creates it, and only it). */
	exists: boolean;
}

/** Refuses a target that cannot hold a web site or cannot be written; returns what it found. */
export function checkTargetLocation(target: string): TargetLocation {
	const absolute = resolve(target);
	const { path: existing, exists } = nearestExisting(absolute);
	const real = realpathSync(existing);
	const root = SPECIAL_ROOTS.find((dir) => real === dir || real.startsWith(`${dir}${sep}`));
	const type = root ? undefined : filesystemType(real);
	if (root || type) {
		throw new PublishError(
			`發布目的地 ${target} 位於 ${root ?? type} 特殊檔案系統（${root ?? real}），不是網頁伺服器的資料夾：不發布。請以 --target 指定一般資料夾，例如 /srv/isms-portal。`,
		);
	}
	if (exists && !statSync(real).isDirectory()) {
		throw new PublishError(`發布目的地 ${target} 已存在但不是資料夾：不發布。請以 --target 指定資料夾。`);
	}
	try {
		accessSync(real, constants.W_OK | constants.X_OK);
	} catch (error) {
		const where = exists ? `${target} ` : `${existing}（將在其中建立 ${target}）`;
		if (isCode(error, 'EROFS')) {
			throw new PublishError(`發布目的地 ${where}位於唯讀檔案系統：不發布。請指定可寫入的資料夾，或請系統管理者以可寫入方式掛載。`);
		}
		if (isCode(error, 'EACCES') || isCode(error, 'EPERM')) {
			throw new PublishError(
				`沒有寫入發布目的地 ${where}的權限：不發布。請以有權寫入網頁伺服器資料夾的帳號執行，或請系統管理者開放寫入權限。`,
			);
		}
		throw new PublishError(`無法寫入發布目的地 ${where.trimEnd()}：${messageOf(error)}`, { cause: error });
	}
	return { target: absolute, exists };
}

/** The target itself, or the nearest of its parents that exists. */
function nearestExisting(path: string): { path: string; exists: boolean } {
	let current = path;
	for (;;) {
		try {
			statSync(current);
			return { path: current, exists: current === path };
		} catch (error) {
			if (isCode(error, 'ENOTDIR')) {
				throw new PublishError(`發布目的地 ${path} 的上層路徑中有不是資料夾的檔案：不發布。請以 --target 指定資料夾。`);
			}
			if (!isCode(error, 'ENOENT')) throw new PublishError(`無法讀取發布目的地 ${path}：${messageOf(error)}`, { cause: error });
		}
		const parent = dirname(current);
		if (parent === current) return { path: current, exists: false };
		current = parent;
	}
}

/** The name of the kernel file system holding `path`, or undefined for an ordinary one (or where statfs is missing). */
function filesystemType(path: string): string | undefined {
	try {
		return SPECIAL_FILESYSTEMS.get(Number(statfsSync(path).type) >>> 0);
	} catch {
		return undefined;
	}
}
