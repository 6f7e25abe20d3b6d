import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa serve [--dir DIR] [--port 4321]',
  summary: '在本机 http://localhost:4321 提供已生成的网站（Ctrl-C 停止）',
  options: { dir: { type: 'string' }, port: { type: 'string' } },
};

/** `swa serve`: the built site over HTTP on localhost, until the returned server is closed. */
export async function serve({ cwd, dir = 'dist', port }: { cwd: string; dir?: string; port: number }): Promise<{ server: Server; dir: string }> {
  const served = resolve(cwd, dir);
  return { server: await (await import('../site/static-server.ts')).serveStatic(served, port), dir: served };
}
