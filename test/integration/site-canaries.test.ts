import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reject } from '../../src/approvals/reject.ts';
import { sealPlaintext } from '../../src/privacy/key-changes.ts';
import { leakScan } from '../../src/privacy/leak-scan.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { at, commitOnBranch, mergeByHand } from '../helpers/approvals.ts';
import { archiveRepo, staff } from '../helpers/git-repo.ts';
import { casePath } from '../helpers/records.ts';
import { repoRoot } from '../helpers/run-swa.ts';
import { canaryHits, siteTexts } from '../helpers/site-text.ts';

/** One planted value of every kind and place (all fictional); `internal` says whether it belongs on the internal build. */
const canaries = {
  // Inside the sealed client block.
  clientName: { value: '卡纳瑞覃小禾', internal: true },
  clientPhone: { value: '13900001111', internal: true },
  clientId: { value: '440106199003071231', internal: true },
  // Outside the block, where a careless note puts them: title, form fields, body.
  title: { value: '覃女士', internal: true },
  dottedPhone: { value: '186.2000.3344', internal: true },
  foldedPhone: { value: '18620003345', internal: true },
  qq: { value: '2865123470', internal: true },
  wechat: { value: 'qinxh_2026wx', internal: true },
  address: { value: '幸福小区5栋302', internal: true },
  passport: { value: 'E12345678', internal: true },
  plate: { value: '粤A·12345', internal: true },
  body: { value: '139.5555.6666', internal: true },
  // Typed into git: a trailer, a rejection reason, an author's name, a commit subject (shown nowhere).
  trailer: { value: '卡纳瑞覃母', internal: true },
  rejection: { value: '卡纳瑞覃外婆', internal: true },
  author: { value: '卡纳瑞覃舅舅', internal: true },
  subject: { value: '卡纳瑞覃姨妈', internal: false },
};
const c = Object.fromEntries(Object.entries(canaries).map(([k, v]) => [k, v.value])) as Record<keyof typeof canaries, string>;

const record = (extra = '') => `---
# 虚构测试数据：每个标记值都是为泄露测试编造的
id: cases/2026-0001
title: ${c.title}亲子沟通个案
category: QSN
post: P01
worker: S05
client:
  name: ${c.clientName}
  idNumber: "${c.clientId}"
  phone: "${c.clientPhone}"
profile: { gender: 女, ageBand: 13-17, district: 东湖街道 }
basicInfo:
  date: 2026-03-02
  source: 主动求助
  presentingIssue: 母亲来电 ${c.dottedPhone}，案主留下的号码是 186 2000
    3345，加了案主QQ ${c.qq}，微信号 ${c.wechat}
intake: { date: 2026-03-02, initialAssessment: 家住${c.address}，护照 ${c.passport}，父亲车牌 ${c.plate} }
${extra}---

本次面谈后案主父亲来电 ${c.body}（虚构）。
`;

/** A repository where every canary is planted: in the record, and in its git history. */
async function plantedRepository() {
  const repo = await archiveRepo();
  const path = casePath();
  await repo.write(path, record());
  await sealPlaintext({ cwd: repo.dir, today: '2026-03-02' });
  const sealed = await repo.read(path);
  const branch = 'submit/cases/2026-0001';
  await commitOnBranch(repo, staff.worker, '2026-03-02', branch, path, sealed, 'intake');
  await repo.as(staff.supervisor, at('2026-03-03'), () => reject({ cwd: repo.dir, today: '2026-03-03', branch, reason: `请删去${c.rejection}的称呼` }));
  const head = repo.git(staff.supervisor, at('2026-03-03'), 'rev-parse', branch).trim();
  mergeByHand(repo, staff.supervisor, '2026-03-04', branch, `Approve cases/2026-0001: ${c.subject}\n\nRecord: cases/2026-0001\nStage: ${c.trailer}\nApproved-by: S04\nRole: supervisor\nApproved-head: ${head}\n`);
  const stranger = { id: '', name: c.author, email: 'stranger@example.org' };
  await repo.commit(stranger, at('2026-03-05'), 'fix typo', { [path]: sealed.replace('亲子沟通个案', '亲子沟通个案（改）') });
  return repo;
}

describe('planted canaries and the de-identified site [G-CONFIDENTIAL]', () => {
  it('finds none of them in any file of the default build, decompressed; the internal build with a key has every one that belongs there', async () => {
    const repo = await plantedRepository();
    const values = Object.values(c);

    const publicBuild = await buildSite({ cwd: repo.dir, today: '2026-03-10', internal: false, out: join(repo.dir, 'dist') });
    const publicTexts = await siteTexts(publicBuild.out);
    expect([...publicTexts.keys()].some((f) => f.includes('/pagefind/fragment/'))).toBe(true);
    expect(canaryHits(publicTexts, values)).toEqual([]);
    expect((await leakScan({ dir: publicBuild.out })).hits).toEqual([]);
    const page = publicTexts.get(join(publicBuild.out, 'records/cases-2026-0001/index.html')) ?? '';
    // The page is there, with the flagged text withheld and the history findings built from facts.
    expect(page).toContain('〔已隐去〕亲子沟通个案');
    expect(page).toContain('A-UNAUTHORISED');
    expect(page).toContain('A-UNAPPROVED-CHANGE');

    const identityFile = join(repoRoot, 'test/fixtures/keys/supervisor.agekey');
    const internalBuild = await buildSite({ cwd: repo.dir, today: '2026-03-10', internal: true, identityFile, out: join(repo.dir, 'dist-internal') });
    const internalTexts = await siteTexts(internalBuild.out);
    const found = new Set(canaryHits(internalTexts, values).map((hit) => hit.canary));
    const belonging = Object.values(canaries).filter((v) => v.internal).map((v) => v.value);
    expect([...found].sort()).toEqual(belonging.sort());
    // The scanner, with no canaries file, sees the careless kinds on the internal build: the scan itself works.
    const kinds = new Set((await leakScan({ dir: internalBuild.out })).hits.map((hit) => hit.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['address', 'mobile', 'passport', 'plate', 'qq', 'residentId', 'wechat']));
  }, 240_000);
});
