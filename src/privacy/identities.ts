import { readFile } from 'node:fs/promises';
import { identityToRecipient } from 'age-encryption';
import { CommandError } from '../errors.ts';

/** The AGE-SECRET-KEY-1… lines of an identity file, as `age-keygen` writes it (comments allowed). */
export async function readIdentities(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CommandError(`无法读取密钥文件 ${file}：${error.code === 'ENOENT' ? '文件不存在' : error.message}`);
  });
  const identities = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('AGE-SECRET-KEY-1'));
  if (identities.length === 0) throw new CommandError(`密钥文件 ${file} 中没有 age 私钥（应有一行以 AGE-SECRET-KEY-1 开头，由 age-keygen 生成）`);
  for (const [index, identity] of identities.entries()) {
    // Deriving the public key validates the private one, so a damaged key fails here, plainly.
    await identityToRecipient(identity).catch(() => {
      throw new CommandError(`密钥文件 ${file} 中的第 ${index + 1} 个 age 私钥无效（可能被截断或改动过）；请使用 age-keygen 生成的完整私钥`);
    });
  }
  return identities;
}
