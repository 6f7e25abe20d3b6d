import { esc, partHtml } from '../html.ts';
import { rolesText, type Me } from '../who.ts';
import type { Namer } from '../../site/value-parts.ts';

export interface Page {
  title: string;
  me: Me;
  /** staff id -> name, for the header. */
  names: Namer;
  body: string;
  /** A notice at the top: what just happened, or why it could not. */
  flash?: { kind: 'ok' | 'error'; text: string };
}

const style = `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2933;background:#f5f7fa}
header{background:#24496b;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
header a{color:#fff}header .app{font-weight:700;font-size:1.1rem;text-decoration:none}header nav{display:flex;gap:1rem;flex-wrap:wrap}
header .me{margin-left:auto;font-size:.9rem}main{max-width:64rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #d9e2ec;padding-bottom:.2rem}
.card{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:.8rem 1rem;margin:.6rem 0}
.flash{padding:.6rem 1rem;border-radius:6px;margin:.5rem 0 1rem}.flash.ok{background:#e3f9e5;border:1px solid #57ae5b}.flash.error{background:#ffeeee;border:1px solid #e12d39}
.notice{background:#fffbea;border:1px solid #f0b429;border-radius:6px;padding:.6rem 1rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
.tag{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:4px;background:#e4e7eb}.tag.overdue,.tag.rejected{background:#ffe3e3;color:#a61b1b}.tag.approved{background:#e3f9e5;color:#207227}
button,.button{font:inherit;padding:.4rem 1rem;border-radius:5px;border:1px solid #24496b;background:#24496b;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:#24496b}button.danger{background:#a61b1b;border-color:#a61b1b}
input,select,textarea{font:inherit;padding:.3rem .4rem;border:1px solid #9aa5b1;border-radius:4px;max-width:100%}textarea{width:100%;min-height:4rem}
.code{font-size:.75em;opacity:.8;font-weight:400}.finding{color:#a61b1b;font-size:.9rem}.finding.warning{color:#8d5b00}.muted{color:#616e7c;font-size:.9rem}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:1rem 0}
.actions.sticky{position:sticky;bottom:0;background:#f5f7fa;border-top:1px solid #d9e2ec;padding:.6rem 0;margin:0;z-index:1}
@media (max-width:600px){main{padding:.6rem}header .me{margin-left:0;width:100%}table,tbody,tr,td,th{display:block}thead{display:none}td{border:none;padding:.15rem 0}tr{border-bottom:1px solid #d9e2ec;padding:.4rem 0}td[data-label]::before{content:attr(data-label) "：";color:#616e7c;font-size:.9rem}}
`;

/** One workbench page: the header says who is working and in which roles today. */
export function layout({ title, me, names, body, flash }: Page): string {
  const who = me.staffId
    ? `${partHtml(names(me.staffId))} · ${esc(rolesText(me, names) || '今天没有担任角色')}`
    : `${esc(me.email || '未设置 git 邮箱')} · 不在名册中`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · 社工档案工作台</title><style>${style}</style></head>
<body><header><a class="app" href="/">社工档案工作台</a><nav><a href="/">我的待办</a><a href="/approvals">等待审批</a><a href="/new">新建记录</a></nav><span class="me" data-me>${who}</span></header>
<main>${me.staffId ? '' : notInRoster(me)}${flash ? `<p class="flash ${flash.kind}" role="status">${esc(flash.text)}</p>` : ''}<h1>${esc(title)}</h1>${body}</main></body></html>`;
}

function notInRoster(me: Me): string {
  return `<p class="notice">你的 git 邮箱 ${esc(me.email || '（未设置）')} 不在名册 staff.yaml 中：可以浏览，但不能新建、修改、提交或审批。请机构负责人把这个邮箱登记到你的名册条目里（名册改动本身须经审批），或在 git 中设置你已登记的邮箱。</p>`;
}
