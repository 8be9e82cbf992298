// The one line said when the file store refuses a write, in English and Chinese: the same line
// goes to the user who asked, to the operator's log and to readiness, so it names the file and
// what to do about it.
import type { StoreFailure } from '../../store/store.js';
import type { Lang } from './lang.js';

type Reasons = { [C in StoreFailure['code']]: (f: Extract<StoreFailure, { code: C }>) => string };

const en: Reasons = {
  unparseable: (f) => `it is not a store file the bot can read (${f.detail}); fix or move it: it is never overwritten`,
  read_only_file: () => 'the file is read-only; make it writable (chmod u+w) or set STORE_PATH to another file',
  read_only_folder: (f) => `the folder ${f.folder} is read-only; make it writable or set STORE_PATH to a writable folder`,
  locked: (f) => `another process has held its lock for ${f.seconds} s; try again`,
  system: (f) => f.detail,
};

const zh: Reasons = {
  unparseable: (f) => `该文件不是机器人能读取的存储文件(${f.detail});请修复或移走它:它永远不会被覆盖`,
  read_only_file: () => '该文件为只读;请使其可写(chmod u+w),或将 STORE_PATH 指向另一个文件',
  read_only_folder: (f) => `文件夹 ${f.folder} 为只读;请使其可写,或将 STORE_PATH 指向可写的文件夹`,
  locked: (f) => `另一个进程持有其锁已达 ${f.seconds} 秒;请稍后重试`,
  system: (f) => f.detail,
};

export function storeFailureLine(lang: Lang, path: string, failure: StoreFailure): string {
  const reasons = lang === 'zh' ? zh : en;
  const reason = (reasons[failure.code] as (f: StoreFailure) => string)(failure);
  return lang === 'zh' ? `无法写入存储 ${path}:${reason}` : `cannot write the store at ${path}: ${reason}`;
}
