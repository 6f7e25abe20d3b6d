import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { randomToken } from './security.ts';
import { createWorkbench } from './server.ts';

export interface StartOptions {
  cwd: string;
  /** 0 picks a free port. */
  port: number;
  identityFile?: string;
  today?: string;
  log: (line: string) => void;
}

/** Serves the workbench on 127.0.0.1 only; resolves with the address to open (token included) once listening. */
export function startWorkbench(options: StartOptions): Promise<{ url: string; server: ServerType }> {
  const token = randomToken();
  let port = options.port;
  const app = createWorkbench({ cwd: options.cwd, identityFile: options.identityFile, today: options.today, token, port: () => port, log: options.log });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      port = info.port;
      resolve({ url: `http://127.0.0.1:${port}/?token=${token}`, server });
    });
    server.once('error', reject);
  });
}
