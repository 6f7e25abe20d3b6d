import type { Context } from 'hono';
import type { Page } from './pages/layout.ts';
import type { SessionEnv } from './security.ts';
import type { State } from './state.ts';

/** What every group of routes is given by the app factory. */
export interface Routes {
  cwd: string;
  identityFile?: string;
  today(): string;
  state(): Promise<State>;
  page(c: Context<SessionEnv>, s: State, content: Omit<Page, 'me' | 'names'>, status?: 200 | 403 | 404 | 409 | 422): Response | Promise<Response>;
  /** Texts edit forms were loaded from, by blob id: what a refused save compares against. */
  bases: { remember(text: string): void; recall(sha: string): string | undefined };
}
