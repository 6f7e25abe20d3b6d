import { esc } from '../html.ts';
import type { ClientView } from '../client-data.ts';
import type { Namer } from '../../site/value-parts.ts';

/** What a user without the key sees instead of the client's form: that it is sealed, and who can open it. */
export function sealedNotice(view: Extract<ClientView, { status: 'sealed' }>, names: Namer): string {
  const holders = view.holders.map((id) => `${names(id).text}（${id}）`);
  return `<fieldset class="card" data-sealed-notice><legend>服务对象个人资料（保密，已加密）</legend>
<p>${esc(view.why)}。</p>
<p>能打开的人：${esc([...holders, ...(view.escrow ? [`托管密钥（${view.escrow}）`] : [])].join('、') || '（名册中没有登记加密公钥）')}。请其中一位在工作台中填写或修改，或用你自己的私钥启动工作台（swa workbench --identity 私钥文件）。</p></fieldset>`;
}
