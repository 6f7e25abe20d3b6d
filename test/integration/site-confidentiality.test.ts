import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leakScan } from '../../src/privacy/leak-scan.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { sealPlaintext } from '../../src/privacy/key-changes.ts';
import { fixtureCopy, repoRoot } from '../helpers/run-swa.ts';
import { canaryHits, siteTexts } from '../helpers/site-text.ts';

/** Unique values in every personal field of the fixture's case and consultation: none may leave the client block. */
const canaries = {
  name: '卡纳瑞王小明',
  idNumber: '11010119900307663X',
  phone: '13900001111',
  address: '金丝雀路88号3单元',
  schoolOrWork: '雀鸣实验中学',
  birthDate: '2009-07-23',
  relativeName: '卡纳瑞王母',
  relativePhone: '13900002222',
  consultName: '卡纳瑞李来电',
  consultPhone: '13900003333',
  disclosedTo: '卡纳瑞派出所值班民警',
};

const clientBlock = `client:
  name: ${canaries.name}
  birthDate: ${canaries.birthDate}
  idNumber: "${canaries.idNumber}"
  phone: "${canaries.phone}"
  address: ${canaries.address}
  schoolOrWork: ${canaries.schoolOrWork}
  relatives:
    - { name: ${canaries.relativeName}, relation: 母亲, phone: "${canaries.relativePhone}" }
disclosures:
  - { date: 2026-05-10, to: ${canaries.disclosedTo}, reason: 服务对象有自伤风险, what: 姓名、住址, approvedBy: S04 }
`;

async function canaryArchive(): Promise<string> {
  const dir = await fixtureCopy();
  const casePath = join(dir, 'content/cases/2026/0001.md');
  const caseText = await readFile(casePath, 'utf8');
  await writeFile(casePath, caseText.replace(/client: \|\n(?: {2}.*\n)+/, clientBlock));
  const consultPath = join(dir, 'content/consultations/2026/0001.md');
  const consultText = await readFile(consultPath, 'utf8');
  await writeFile(consultPath, consultText.replace('profile:', `client:\n  name: ${canaries.consultName}\n  phone: "${canaries.consultPhone}"\nprofile:`));
  await sealPlaintext({ cwd: dir, today: '2026-11-29' });
  return dir;
}

describe('the de-identified site [G-CONFIDENTIAL]', () => {
  it('contains no personal value in any output file, Pagefind index included; the internal build does', async () => {
    const dir = await canaryArchive();
    const values = Object.values(canaries);
    // Personal data is encrypted in the repository; the disclosure log is not personal data, only never published.
    const repositoryTexts = await siteTexts(join(dir, 'content'));
    expect(canaryHits(repositoryTexts, values).map((hit) => hit.canary)).toEqual([canaries.disclosedTo]);

    const publicBuild = await buildSite({ cwd: dir, today: '2026-11-29', internal: false, out: join(dir, 'public-site') });
    const publicTexts = await siteTexts(publicBuild.out);
    expect([...publicTexts.keys()].some((f) => f.includes('/pagefind/fragment/'))).toBe(true);
    expect(canaryHits(publicTexts, values)).toEqual([]);
    expect((await leakScan({ dir: publicBuild.out, canaries: values })).hits).toEqual([]);
    expect([...publicTexts.values()].some((text) => text.includes('初中生学业压力与亲子沟通个案'))).toBe(true);

    const keyless = await buildSite({ cwd: dir, today: '2026-11-29', internal: true, out: join(dir, 'keyless-site') });
    const keylessPage = (await siteTexts(keyless.out)).get(join(keyless.out, 'records/cases-2026-0001/index.html')) ?? '';
    expect(canaryHits(new Map([['page', keylessPage]]), values).map((hit) => hit.canary)).toEqual([canaries.disclosedTo]);
    expect(keylessPage).toContain('个人资料已加密');

    const identityFile = join(repoRoot, 'test/fixtures/keys/supervisor.agekey');
    const internalBuild = await buildSite({ cwd: dir, today: '2026-11-29', internal: true, identityFile, out: join(dir, 'internal-site') });
    const internalTexts = await siteTexts(internalBuild.out);
    const found = new Set(canaryHits(internalTexts, values).map((hit) => hit.canary));
    expect([...found].sort()).toEqual([...values].sort());
    const recordPage = internalTexts.get(join(internalBuild.out, 'records/cases-2026-0001/index.html')) ?? '';
    expect(recordPage).toContain('name="robots" content="noindex, nofollow"');
    expect(recordPage).toContain('内部版本');
    const dashboard = internalTexts.get(join(internalBuild.out, 'index.html')) ?? '';
    expect(dashboard).toContain(canaries.disclosedTo);
  }, 180_000);

  it('withholds what the scanner flags outside the client block, and says where', async () => {
    const dir = await fixtureCopy();
    const consult = join(dir, 'content/consultations/2026/0001.md');
    await writeFile(consult, (await readFile(consult, 'utf8')).replace(/^title: (.*)$/m, 'title: $1（来电 139.1234.5678）'));
    const messages: string[] = [];
    const built = await buildSite({ cwd: dir, today: '2026-11-29', internal: false, out: join(dir, 'public-site'), progress: (m) => messages.push(m) });
    expect(messages.join('\n')).toMatch(/去标识网站不显示这些文字[\s\S]*content\/consultations\/2026\/0001\.md/);
    expect((await leakScan({ dir: built.out })).hits).toEqual([]);
    const page = (await siteTexts(built.out)).get(join(built.out, 'records/consultations-2026-0001/index.html'));
    expect(page).toContain('（来电 〔已隐去〕）');
    expect(page).not.toContain('139.1234.5678');
  }, 120_000);
});
