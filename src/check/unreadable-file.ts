import { locationFromPath } from '../records/record-path.ts';
import type { Finding } from '../rules/finding.ts';
import type { SourceFile } from './check-archive.ts';

const notAFile = {
  symlink: '这是符号链接：swa 不跟随链接，也不读取它指向的文件；记录和配置文件须是 content/ 中的普通文件，请用文件本身替换链接',
  special: '这不是普通文件（管道、设备或套接字）：swa 不读取它；content/ 中只能放记录和配置文件',
} as const;

/** The one PARSE finding for a file that was listed but not read as text, or null for a file that was read. */
export function unreadableFinding(file: SourceFile): Finding | null {
  const problem = file.notAFile ? { message: notAFile[file.notAFile], line: 1 } : file.notUtf8;
  if (!problem) return null;
  return { rule: 'PARSE', severity: 'error', record: locationFromPath(file.path)?.id ?? null, file: file.path, line: problem.line, message: problem.message };
}
