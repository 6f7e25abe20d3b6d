import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

const cookieName = 'swa_workbench';

export interface Session {
  /** Bound to this session: every POST must carry it (a page of another site cannot read it). */
  csrf: string;
}

export type SessionEnv = { Variables: { session: Session } };

export const randomToken = (): string => randomBytes(24).toString('base64url');

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The workbench's guard, in the order a request meets it: the Host header must name this server
 * on loopback (a DNS-rebinding page names its own host); the start token, once, becomes an
 * HttpOnly SameSite=Strict session cookie and leaves the URL by a redirect; every other request
 * needs that cookie; every POST carries the session's CSRF token.
 */
export function guard(options: { token: string; port: () => number }): MiddlewareHandler<SessionEnv> {
  const sessions = new Map<string, Session>();
  return async (c, next) => {
    const port = options.port();
    const host = c.req.header('host') ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(c, 'Host 不是本机工作台的地址，请求已拒绝');

    const url = new URL(c.req.url);
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (c.req.method !== 'GET' || !sameSecret(offered, options.token)) return refuse(c, '令牌不正确：请使用工作台启动时显示的地址');
      const id = randomToken();
      sessions.set(id, { csrf: randomToken() });
      setCookie(c, cookieName, id, { httpOnly: true, sameSite: 'Strict', path: '/' });
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }

    const session = sessions.get(getCookie(c, cookieName) ?? '');
    if (!session) return refuse(c, '需要令牌：请打开工作台启动时显示的地址（含 ?token=…）');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (c.req.method !== 'POST') return refuse(c, '不支持的请求方法');
      const body = await c.req.parseBody({ all: true });
      const csrf = c.req.header('x-csrf-token') ?? (typeof body.csrf === 'string' ? body.csrf : undefined);
      if (!sameSecret(csrf, session.csrf)) return refuse(c, '表单已失效（缺少 CSRF 令牌）：请刷新页面后重试');
    }
    c.set('session', session);
    await next();
  };
}

/** Headers for every answer: pages carry client data, so nothing is cached, framed or referred onward. */
export const safeHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Frame-Options', 'DENY');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
};

function refuse(c: Context, message: string) {
  return c.html(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>工作台：请求被拒绝</title><p>${message}</p></html>`, 403);
}
