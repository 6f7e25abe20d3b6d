import { isPlainObject } from '../../schemas/walk.ts';
import { patchMapping } from './yaml-patch.ts';

const frontmatterPattern = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)(---[ \t]*(?:\r?\n|$)[\s\S]*)$/;

/**
 * The record file with `values` (from readFormValues, by top-level key) written into its
 * frontmatter in place: only what differs is edited, every comment, the key order, the line
 * ends and the Markdown body stay as they are. Keys `values` does not name are not touched
 * (the sealed client block among them). Pure.
 *
 * G-ENCRYPTED-BAG: the client form's values are refused. They are sealed (sealClient) and put in
 * place with withClientBlock, as `swa edit` does: plaintext personal data never reaches the file.
 */
export function applyFormValues(source: string, values: Record<string, unknown>): string {
  if (isPlainObject(values.client)) throw new Error('服务对象个人资料须加密后写入（sealClient、withClientBlock），不能以明文写入记录');
  const match = frontmatterPattern.exec(source);
  if (!match) throw new Error('记录缺少 YAML 头部（以 --- 开始并以 --- 结束）');
  const [, opening, yaml, rest] = match as unknown as [string, string, string, string];
  const crlf = yaml.includes('\r\n');
  const patched = patchMapping(crlf ? yaml.replace(/\r\n/g, '\n') : yaml, [], values);
  return opening + (crlf ? patched.replace(/\n/g, '\r\n') : patched) + rest;
}
