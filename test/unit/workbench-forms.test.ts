import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { blockOpener, sealClient } from '../../src/privacy/client-block.ts';
import { withClientBlock } from '../../src/privacy/write-block.ts';
import { parseFrontmatter } from '../../src/records/parse-frontmatter.ts';
import { parseRecord } from '../../src/records/parse-record.ts';
import { locationFromPath } from '../../src/records/record-path.ts';
import { recordKinds, serviceKinds, type RecordKind } from '../../src/schemas/index.ts';
import { recordBodies } from '../../src/templates/bodies.ts';
import { skeletonYaml } from '../../src/templates/skeleton.ts';
import {
  applyFormValues,
  describeClientForm,
  describeRecordForm,
  readFormValues,
  renderSections,
  type FormField,
  type FormSection,
} from '../../src/workbench/forms/index.ts';
import { submitForm } from './workbench-forms-submit.ts';

const root = join(import.meta.dirname, '../..');
const samples = (['cases', 'consultations', 'groups', 'community', 'audits', 'handovers'] as const).flatMap((dir) =>
  readdirSync(join(root, 'content', dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => `content/${dir}/${file.split('\\').join('/')}`),
);
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const dataOf = (text: string) => {
  const parsed = parseFrontmatter(text);
  if ('message' in parsed) throw new Error(parsed.message);
  return parsed.data;
};
const kindOf = (file: string) => (locationFromPath(file) as { kind: RecordKind }).kind;

/** What the file becomes when its form is rendered, posted (with `edit`) and applied. */
function throughForm(file: string, text: string, edit: Record<string, string | undefined> = {}): string {
  const sections = describeRecordForm(kindOf(file));
  const html = renderSections(sections, dataOf(text), new Map());
  return applyFormValues(text, readFormValues(sections, submitForm(html, edit)));
}

describe('the forms of every record kind', () => {
  it('covers every kind, in the order of the template, with Chinese labels', () => {
    for (const kind of Object.keys(recordKinds) as RecordKind[]) {
      const sections = describeRecordForm(kind);
      const keys = sections.flatMap((s) => (s.key === 'basic' ? s.fields.map((f) => f.name) : [s.key]));
      const templateKeys = [...skeletonYaml(recordKinds[kind].schema, {}).matchAll(/^(\w+):/gm)].map((m) => m[1]).filter((k) => k !== 'client');
      expect(new Set(keys)).toEqual(new Set(templateKeys));
      expect(sections.filter((s) => s.key !== 'basic').map((s) => s.key)).toEqual(templateKeys.filter((k) => sections.some((s) => s.key === k)));
      for (const field of sections.flatMap((s) => s.fields.flatMap((f) => [f, ...(f.row ?? [])]))) expect(field.label, `${kind} ${field.name}`).toMatch(/\p{Script=Han}/u);
    }
  });

  it('gives dates, enumerations, numbers and lists their own inputs', () => {
    const fields = new Map(describeRecordForm('case').flatMap((s) => s.fields).map((f) => [f.name, f]));
    expect(fields.get('intake.date')).toMatchObject({ input: 'date', label: '接案日期', required: true });
    expect(fields.get('basicInfo.source')?.options?.map((o) => o.value)).toEqual(['主动求助', '转介', '外展发现', '热线']);
    expect(fields.get('consent.signed')).toMatchObject({ input: 'checkbox', valueType: 'boolean' });
    expect(fields.get('participantFee')).toMatchObject({ input: 'number', required: false });
    const sessions = fields.get('sessions') as FormField;
    expect(sessions.input).toBe('rows');
    expect(sessions.row?.map((f) => [f.name, f.input])).toEqual([['date', 'date'], ['mode', 'select'], ['summary', 'textarea']]);
    const referral = (fields.get('referrals') as FormField).row ?? [];
    expect(referral.find((f) => f.name === 'reply.accepted')).toMatchObject({ label: '转介回复 › 是否接收', input: 'select', valueType: 'boolean' });
    expect(fields.get('id')?.fixed).toBe(true);
  });

  it('has a sealed client form for the kinds that hold personal data, and none for the others', () => {
    expect(describeClientForm('case')).toMatchObject({ key: 'client', sealed: true, label: '服务对象个人资料（保密）' });
    expect(describeClientForm('consultation')?.fields.find((f) => f.name === 'client.name')?.required).toBe(false);
    expect(describeClientForm('group')).toBeUndefined();
    expect(describeRecordForm('case').some((s) => s.key === 'client')).toBe(false);
  });
});

describe('a record through its form, unchanged', () => {
  it.each(samples)('%s comes back byte for byte', (file) => {
    const text = read(file);
    expect(throughForm(file, text)).toBe(text);
  });

  it('keeps CRLF line ends', () => {
    const text = read('content/groups/2026/0001.md').replace(/\n/g, '\r\n');
    const edited = throughForm('content/groups/2026/0001.md', text, { title: '新标题' });
    expect(edited).toBe(text.replace(/^title: .*$/m, 'title: 新标题'));
  });
});

describe('a record edited through its form', () => {
  const caseFile = 'content/cases/2026/0002.md';

  it('changes a value in place, adds forms where the template puts them, keeps comments and the body', () => {
    const text = read(caseFile);
    const edited = throughForm(caseFile, text, {
      'intake.initialAssessment': '需求明确: 家庭沟通 #1',
      'consent.signed': 'true',
      'consent.date': '2026-11-25',
      'consent.signedBy': '本人',
      'sessions.0.date': '2026-11-26',
      'sessions.0.mode': '面谈',
      'sessions.0.summary': '第一次面谈\r\n约定每周一次',
    });
    const before = dataOf(text);
    expect(dataOf(edited)).toEqual({
      ...before,
      intake: { date: '2026-11-24', initialAssessment: '需求明确: 家庭沟通 #1' },
      consent: { signed: true, date: '2026-11-25', signedBy: '本人' },
      sessions: [{ date: '2026-11-26', mode: '面谈', summary: '第一次面谈\n约定每周一次' }],
    });
    expect(edited.split('\n---\n')[1]).toBe(text.split('\n---\n')[1]);
    expect(edited).toContain('# 虚构示例数据');
    expect(edited.indexOf('consent:')).toBeGreaterThan(edited.indexOf('profile:'));
    expect(edited.indexOf('consent:')).toBeLessThan(edited.indexOf('basicInfo:'));
    expect(edited.indexOf('sessions:')).toBeGreaterThan(edited.indexOf('intake:'));
    // The sealed block is not the form's: untouched.
    expect(edited).toContain(/client: \|\n[\s\S]*?END AGE ENCRYPTED FILE-----\n/.exec(text)?.[0]);
    expect(parseRecord(caseFile, edited).findings).toEqual([]);
  });

  it('adds, changes and removes rows in the style of the rows there, and removes a form left empty', () => {
    const file = 'content/groups/2026/0001.md';
    const text = read(file);
    const edited = throughForm(file, text, {
      'plan.budget.2.item': '横幅, 海报',
      'plan.budget.2.amount': '50',
      'sessions.1.attendance': '10',
      'plan.schedule.3.date': undefined,
      'plan.schedule.3.theme': undefined,
      'plan.safetyMeasures.1': '',
      'recruitment.date': '',
      'recruitment.channels.0': '',
      'recruitment.channels.1': '',
    });
    const before = dataOf(text) as { plan: Record<string, unknown[]>; sessions: Record<string, unknown>[] } & Record<string, unknown>;
    const { recruitment: _removed, ...rest } = before;
    expect(dataOf(edited)).toEqual({
      ...rest,
      plan: {
        ...before.plan,
        budget: [...(before.plan.budget ?? []), { item: '横幅, 海报', amount: 50 }],
        schedule: before.plan.schedule?.slice(0, 3),
        safetyMeasures: before.plan.safetyMeasures?.slice(0, 1),
      },
      sessions: before.sessions.map((s, i) => (i === 1 ? { ...s, attendance: 10 } : s)),
    });
    expect(edited).toContain('    - { item: 小组结业证书印制, amount: 80 }\n    - { item: "横幅, 海报", amount: 50 }\n');
    expect(edited).toContain('  - { date: 2026-05-16, attendance: 10, volunteers: 2, summary: 情绪卡片游戏，识别情绪信号 }\n');
    expect(edited).not.toContain('recruitment');
    expect(text.split('\n').filter((line) => !edited.includes(line))).toEqual([
      '    - { date: 2026-05-30, theme: 回顾与告别 }',
      '    - 每节至少两名工作人员在场',
      'recruitment:',
      '  date: 2026-04-20',
      '  channels:',
      '    - 学校宣传栏',
      '    - 社工站公众号',
      '  - { date: 2026-05-16, attendance: 11, volunteers: 2, summary: 情绪卡片游戏，识别情绪信号 }',
    ]);
  });

  it('writes an emptied list as [] and keeps a value typed wrong as text, for the schema to report', () => {
    const file = 'content/groups/2026/0001.md';
    const text = read(file);
    const sections = describeRecordForm('group');
    const body = submitForm(renderSections(sections, dataOf(text), new Map()));
    for (const name of Object.keys(body)) if (name.startsWith('feedback.')) delete body[name];
    body['registration.registered'] = '十二';
    const edited = applyFormValues(text, readFormValues(sections, body));
    expect(edited).toContain('\nfeedback: []\n');
    expect(edited).toContain('  registered: 十二\n');
    expect(parseRecord(file, edited).findings.map((f) => f.message)).toEqual([expect.stringContaining('报名人数')]);
  });
});

/** A valid value for every field of a form, as a browser would post it: one row of every list. */
function filledBody(sections: readonly FormSection[]): Record<string, string> {
  const special: Record<string, string> = {
    post: 'P01', worker: 'S05', approvedBy: 'S04', by: 'S04', toWorker: 'S06', ageBand: '13-17', signer: 'S03', title: '青少年学业压力个案', 'client.name': '王小明',
  };
  const value = (field: FormField, key: string): string => {
    if (field.input === 'date') return '2026-03-02';
    if (field.input === 'number') return '1';
    if (field.input === 'checkbox') return 'true';
    if (field.options) return (field.options[0] as { value: string }).value;
    return special[field.choiceKey] ?? special[key] ?? '示例内容';
  };
  const body: Record<string, string> = {};
  for (const field of sections.flatMap((s) => s.fields)) {
    if (field.fixed) continue;
    if (!field.row) body[field.name] = value(field, field.path.at(-1) as string);
    else for (const sub of field.row) body[sub.name === '' ? `${field.name}.0` : `${field.name}.0.${sub.name}`] = value(sub, sub.name.split('.').at(-1) || field.name);
  }
  return body;
}

describe("a new record from swa new's template, filled in through the forms", () => {
  it.each(serviceKinds)('%s passes its schema, with the client sealed as swa edit seals it, and keeps the template comments', async (kind) => {
    const file = `content/${recordKinds[kind].dir}/2026/0099.md`;
    const id = `${recordKinds[kind].dir}/2026-0099`;
    const skeleton = `---\n${skeletonYaml(recordKinds[kind].schema, { id })}\n---\n\n${recordBodies[kind]}`;
    const client = describeClientForm(kind);
    const sections = [...describeRecordForm(kind), ...(client ? [client] : [])];
    // The form as the worker first sees it: the template's blanks as empty inputs.
    const shown = submitForm(renderSections(sections, dataOf(skeleton), new Map()));
    expect(Object.entries(shown).filter(([, v]) => v !== '')).toEqual([['id', id], ['participantFee', '0']]);
    const { client: personal, ...values } = readFormValues(sections, { ...shown, ...filledBody(sections) });
    let filled = applyFormValues(skeleton, values);
    if (client) {
      expect(() => applyFormValues(skeleton, { ...values, client: personal })).toThrow(/加密/);
      const identity = await generateIdentity();
      filled = withClientBlock(filled, await sealClient(id, personal, [await identityToRecipient(identity)]));
      expect(await blockOpener([identity]).open(id, (dataOf(filled) as { client: string }).client)).toEqual({ status: 'opened', client: personal });
      expect(filled).not.toContain((personal as { name: string }).name);
    }
    const parsed = parseRecord(file, filled);
    expect(parsed.findings).toEqual([]);
    expect(parsed.record).not.toBeNull();
    for (const comment of skeleton.match(/#.*$/gm) ?? []) expect(filled).toContain(comment);
    expect(filled.endsWith(`---\n\n${recordBodies[kind]}`)).toBe(true);
  });
});

describe('a post that names only some fields', () => {
  it('leaves every form it does not name as it is, and clears an unchecked box', () => {
    const file = 'content/cases/2026/0001.md';
    const text = read(file);
    const sections = describeRecordForm('case');
    const consentOnly = sections.filter((s) => s.key === 'consent');
    const body = submitForm(renderSections(consentOnly, dataOf(text), new Map()), { 'consent.signed': '' });
    expect(Object.keys(body).every((name) => name.startsWith('consent.'))).toBe(true);
    const edited = applyFormValues(text, readFormValues(sections, body));
    expect((dataOf(edited) as { consent: unknown }).consent).toEqual({ ...(dataOf(text) as { consent: object }).consent, signed: undefined });
    expect(text.split('\n').filter((line) => !edited.split('\n').includes(line))).toEqual(['  signed: true']);
  });
});

describe('readFormValues', () => {
  const sections = describeRecordForm('case');

  it('reads rows in index order whatever the gaps, drops empty rows and forms, and types every value', () => {
    const values = readFormValues(sections, {
      participantFee: '0.5',
      'referrals': '',
      'referrals.5.date': '2026-03-09',
      'referrals.5.type': '机构内',
      'referrals.5.clientConsent': 'false',
      'referrals.5.reply.date': '',
      'referrals.5.reply.accepted': '',
      'referrals.0.date': '2026-03-02',
      'referrals.0.clientConsent': 'true',
      'referrals.0.reply.date': '2026-03-04',
      'referrals.0.reply.accepted': 'true',
      'referrals.2.date': ' ',
      'referrals.2.reason': '',
      'closingForm.date': '',
      'attachments.0.name': '同意书',
      'attachments.0.pages': '2',
    });
    expect(values).toEqual({
      participantFee: 0.5,
      referrals: [
        { date: '2026-03-02', clientConsent: true, reply: { date: '2026-03-04', accepted: true } },
        { date: '2026-03-09', type: '机构内', clientConsent: false, reply: undefined },
      ],
      closingForm: undefined,
      attachments: [{ name: '同意书', pages: 2 }],
    });
    expect(Object.hasOwn(values, 'closingForm')).toBe(true);
    expect(Object.hasOwn(values, 'title')).toBe(false);
  });

  it('reads a checked box from its marker and value, a list with every row removed as []', () => {
    expect(readFormValues(sections, { 'consent.signed': ['', 'true'], sessions: '' })).toEqual({ consent: { signed: true }, sessions: [] });
    expect(readFormValues(sections, { 'consent.signed': '', sessions: '' })).toEqual({ consent: undefined, sessions: [] });
  });
});
