import { isUtf8 } from 'node:buffer';

export interface EncodingProblem {
  message: string;
  line: number;
}

const resave = '请在编辑器中以 UTF-8 编码重新保存（例如记事本的“另存为”，编码选 UTF-8）';

/**
 * Why a file's bytes are not UTF-8 text, or null when they are. Records are UTF-8; a file saved
 * as GBK or UTF-16 by another editor would otherwise be read as garbled values and reported field
 * by field. NUL bytes count too: valid UTF-8, but never part of a text record.
 */
export function encodingProblem(bytes: Uint8Array): EncodingProblem | null {
  const found = (what: string, line = 1): EncodingProblem => ({ message: `文件不是 UTF-8 编码：${what}；${resave}`, line });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return found('是 UTF-16 编码（带 BOM）');
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // A record starts with ASCII (`---`), which UTF-16 writes as one NUL and one other byte.
    if (bytes.length > 1 && (bytes[0] === 0) !== (bytes[1] === 0)) return found('看起来是 UTF-16 编码（无 BOM）');
    return found('含有 NUL 字节（0x00），可能是二进制文件', lineOf(bytes, nul));
  }
  if (isUtf8(bytes)) return null;
  const decoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const line = decoded.slice(0, decoded.indexOf('\uFFFD')).split('\n').length;
  const what = isGb18030(bytes) ? '看起来是 GBK（GB18030）编码，Windows 中文版的编辑器常用' : '含有不是 UTF-8 的字节';
  return found(`${what}，第 ${line} 行起无法按 UTF-8 读取`, line);
}

function isGb18030(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // Not GB18030, or a Node.js built without that decoder.
    return false;
  }
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}
