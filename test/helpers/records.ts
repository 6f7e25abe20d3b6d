/** Small, valid record files for history tests; every option moves the record one stage on. Fictional. */

export interface CaseOptions {
  id?: string;
  worker?: string;
  post?: string;
  intake?: string;
  /** Consent date; with a plan and sessions the case is in service. */
  consent?: string;
  plan?: string;
  sessions?: string[];
  referrals?: { date: string; toWorker: string; reply?: string }[];
  closingReport?: string;
  closingForm?: string;
}

export const casePath = (id = 'cases/2026-0001') => {
  const [dir, rest] = id.split('/') as [string, string];
  const [year, seq] = rest.split('-') as [string, string];
  return `content/${dir}/${year}/${seq}.md`;
};

/**
 * One client block sealed for cases/2026-0001 to the fixture's supervisor and escrow keys. History
 * tests never open blocks (they pass no key), so every test case may carry this one.
 */
const sealedClient = [
  '  -----BEGIN AGE ENCRYPTED FILE-----',
  '  YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBjMENuREhIdmlkZ0x3WWtJ',
  '  ZUl5REZLZVdMeXBSVE1INng5MDBTam9BUGxnCjhQWXMxYkJVenZJK3hjR3lGSDNh',
  '  RU9tKzBSaFRsQ0tLbGpzaWYwdlBRTTQKLT4gWDI1NTE5IElwUGROZ2NXSjFUclN1',
  '  VTNKYm9IS096cFhZYUdMRHlIRGFDcTZBdE5SRnMKRm1lRnYyVlR6UDhzbU5PV2FR',
  '  eC9RL05XeDRLRldKRmtDcDN4bmpjc3I2bwotLS0gV2x5dTRJMnlkVENZcUk5aEU0',
  '  ejZzMm5wSXhISCtJbEhVVDdJK1cvMWdaNApI/muaY4Fq6Wef69kwYeK1Oe2MGLuQ',
  '  Xo2VGv2LgiomaeH6WTJzxmrhcDIclH5/Oly6qyK/fs7f5/9LGHHWriJsjfSTCPdj',
  '  wlRYP9RxcC6ybmxsU2hYJahI3Z9ATf+0zbUm+2XtVLj+fS9hCj7dPVxb1KWoRwhD',
  '  txlr/+MmZGQZWVk=',
  '  -----END AGE ENCRYPTED FILE-----',
];

export function caseText(o: CaseOptions = {}): string {
  const lines = [
    '---',
    '# 虚构测试数据',
    `id: ${o.id ?? 'cases/2026-0001'}`,
    'title: 测试个案',
    'category: QSN',
    `post: ${o.post ?? 'P01'}`,
    `worker: ${o.worker ?? 'S05'}`,
    'client: |',
    ...sealedClient,
    'profile: { gender: 女, ageBand: 13-17, district: 东湖街道 }',
    `basicInfo: { date: ${o.intake ?? '2026-03-02'}, source: 主动求助, presentingIssue: 学业压力 }`,
    `intake: { date: ${o.intake ?? '2026-03-02'}, initialAssessment: 需要跟进 }`,
  ];
  if (o.consent) lines.push(`consent: { signed: true, date: ${o.consent}, signedBy: 本人 }`);
  if (o.plan) lines.push(`plan: { date: ${o.plan}, goals: [缓解压力], strategies: [面谈] }`);
  if (o.sessions?.length) lines.push('sessions:', ...o.sessions.map((d, i) => `  - { date: ${d}, mode: 面谈, summary: 第${i + 1}次面谈 }`));
  if (o.referrals?.length) {
    lines.push('referrals:');
    for (const r of o.referrals) {
      lines.push(`  - date: ${r.date}`, '    type: 机构内', `    toWorker: ${r.toWorker}`, '    reason: 搬迁', '    needsAssessment: 需继续跟进', '    clientConsent: true');
      if (r.reply) lines.push(`    reply: { date: ${r.reply}, accepted: true }`);
    }
  }
  if (o.closingReport) lines.push(`closingReport: { date: ${o.closingReport}, reason: 目标达成, summary: 目标达成 }`);
  if (o.closingForm) lines.push(`closingForm: { date: ${o.closingForm} }`);
  return `${lines.join('\n')}\n---\n\n测试正文（虚构）\n`;
}

export function hotlineText(id: string, date: string): string {
  return `---
# 虚构测试数据
id: ${id}
title: 热线咨询
category: RX
post: P03
worker: S07
date: ${date}
channel: 热线
hotline: "12355"
profile: { gender: 男, ageBand: 13-17, district: 南湾街道 }
purpose: 咨询
content: 提供信息
needsAnalysis: 无需开案
closing: { date: ${date}, summary: 当日结案 }
---
`;
}

export interface GroupOptions {
  plan: string;
  schedule: string[];
  sessions?: string[];
  funding?: '无' | '机构';
}

export function groupText(o: GroupOptions): string {
  const funding = o.funding === '机构' ? `funding: { source: 机构, applicationDate: ${o.plan}, signer: S03 }` : 'funding: { source: 无, signer: 无 }';
  const lines = [
    '---',
    '# 虚构测试数据',
    'id: groups/2026-0001',
    'title: 测试小组',
    'category: QSN',
    'post: P01',
    'worker: S05',
    'plan:',
    `  date: ${o.plan}`,
    '  objectives: [情绪管理]',
    '  targetGroup: 初中生',
    `  budget: ${o.funding === '机构' ? '[{ item: 文具, amount: 100 }]' : '[]'}`,
    '  schedule:',
    ...o.schedule.map((d) => `    - { date: ${d}, theme: 活动 }`),
    '  safetyMeasures: [控制人数]',
    funding,
  ];
  if (o.sessions?.length) {
    lines.push(`recruitment: { date: ${o.plan}, channels: [海报] }`, 'sessions:', ...o.sessions.map((d) => `  - { date: ${d}, attendance: 8, summary: 活动 }`));
  }
  return `${lines.join('\n')}\n---\n`;
}

export interface CommunityOptions {
  plan: string;
  activity: string;
  employerConsent?: string;
}

export function communityText(o: CommunityOptions): string {
  const lines = [
    '---',
    '# 虚构测试数据',
    'id: community/2026-0001',
    'title: 测试社区活动',
    'category: ZZ',
    'post: P01',
    'worker: S05',
    `needsAssessment: { date: ${o.plan}, methods: [走访], findings: 长者需求 }`,
  ];
  if (o.employerConsent) lines.push(`employerConsent: { date: ${o.employerConsent}, by: 街道办 科长 }`);
  lines.push(
    'plan:',
    `  date: ${o.plan}`,
    '  objectives: [健康宣传]',
    `  schedule: [{ date: ${o.activity}, theme: 义诊 }]`,
    '  safetyMeasures: [分时段入场]',
    '  emergencyPlan: 医护值守',
    'funding: { source: 无, signer: 无 }',
  );
  return `${lines.join('\n')}\n---\n`;
}

/** A group whose sessions all took place, with its report (and, optionally, its archive number). */
export function endedGroupText(o: { report: string; archiveNo?: string }): string {
  const base = groupText({ plan: '2026-04-01', schedule: ['2026-05-09', '2026-05-16'], sessions: ['2026-05-09', '2026-05-16'] });
  const extra = [
    'feedback: [{ date: 2026-05-16, participants: 8, summary: 满意 }]',
    'supervisorComment: { date: 2026-05-17, by: S04, comment: 良好 }',
    `report: { date: ${o.report}, summary: 完成 }`,
    `financialReport: { date: ${o.report}, signer: 无, expenses: [] }`,
    'registration: { closedOn: 2026-05-01, registered: 8 }',
    ...(o.archiveNo ? [`archiveNo: ${o.archiveNo}`] : []),
  ];
  return base.replace(/\n---\n$/, `\n${extra.join('\n')}\n---\n`);
}

export interface SupervisionOptions {
  id?: string;
  post?: string;
  date?: string;
  supervisor?: string;
  supervisees?: string[];
  recordsDiscussed?: string[];
  previousFollowUps?: { action: string; owner: string; done: boolean }[];
  followUps?: { action: string; owner: string }[];
  archiveNo?: string;
}

/** A supervision record (督导记录) of S04 with S05 at P01. Fictional. */
export function supervisionText(o: SupervisionOptions = {}): string {
  const list = (key: string, items: readonly string[]) => (items.length ? [`${key}:`, ...items.map((i) => `  - ${i}`)] : []);
  const entry = (f: Record<string, unknown>) => `{ ${Object.entries(f).map(([k, v]) => `${k}: ${String(v)}`).join(', ')} }`;
  return [
    '---',
    '# 虚构测试数据',
    `id: ${o.id ?? 'supervision/2026-0001'}`,
    'title: 测试督导',
    'category: QSN',
    `post: ${o.post ?? 'P01'}`,
    `date: ${o.date ?? '2026-09-15'}`,
    'hours: 1.5',
    `supervisor: ${o.supervisor ?? 'S04'}`,
    ...list('supervisees', o.supervisees ?? ['S05']),
    'mode: 个别督导',
    'topics: [个案进展]',
    ...list('recordsDiscussed', o.recordsDiscussed ?? ['cases/2026-0001']),
    'advice: [按计划跟进]',
    ...list('previousFollowUps', (o.previousFollowUps ?? []).map(entry)),
    ...list('followUps', (o.followUps ?? []).map(entry)),
    ...(o.archiveNo ? [`archiveNo: ${o.archiveNo}`] : []),
    '---',
    '',
    '## 督导过程',
    '',
    '测试用的督导记录。',
    '',
  ].join('\n');
}
