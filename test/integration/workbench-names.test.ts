import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../src/workbench/server.ts';
import { archiveRepo, staff, type ArchiveRepo, type Person } from '../helpers/git-repo.ts';
import { casePath, caseText } from '../helpers/records.ts';
import { fixedGitTime, hidden, workbenchSession } from '../helpers/workbench.ts';

const today = '2026-03-02';
const date = `${today}T10:00:00+08:00`;
let repo: ArchiveRepo;

/** A workbench over the one repository, as `person` (the repository's git identity is theirs while they work). */
async function as(person: Person, port: number) {
  repo.git(person, date, 'config', 'user.name', person.name);
  repo.git(person, date, 'config', 'user.email', person.email);
  const token = `names-test-${port}-0123456789`;
  return workbenchSession(createWorkbench({ cwd: repo.dir, today, token, port: () => port }), port, token);
}

const between = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));

beforeAll(async () => {
  repo = await archiveRepo();
});

fixedGitTime(date);

describe('names where a person reads them (ISSUE-15 rule, in the workbench)', () => {
  it('shows staff, posts and the category by name in the review, the lists and the header, codes only in small type', async () => {
    const worker = await as(staff.worker, 47021);
    await repo.write(casePath(), caseText());
    const form = await worker.get('/record/cases/2026-0001');
    // The selects offer names, the code after them.
    expect(form).toContain('<option value="S05" selected>陈一禾（S05）</option>');
    expect(form).toContain('<option value="P01" selected>东湖街道社工站（P01）</option>');
    expect(form).toContain('<option value="QSN" selected>青少年（QSN）</option>');
    expect((await worker.post('/record/cases/2026-0001/submit', { csrf: hidden(form, 'csrf'), base: hidden(form, 'base') })).status).toBe(303);

    const supervisor = await as(staff.supervisor, 47022);
    const header = between(await supervisor.get('/approvals'), 'data-me', '</header>');
    expect(header).toContain('许慕言 <small class="code">S04</small>');
    expect(header).toContain('督导（东湖街道社工站、南湾街道青少年服务点）');
    expect(header).not.toMatch(/P0\d/);
    const list = between(await supervisor.get('/approvals'), 'data-waiting="cases/2026-0001"', '</tr>');
    expect(list).toContain('陈一禾');
    expect(list).not.toContain('S05');

    const changes = between(await supervisor.get('/review/cases/2026-0001'), 'class="swa-changes"', '</ul>');
    const field = (name: string) => between(changes, `data-field="${name}"`, '</li>');
    expect(field('worker')).toContain('<ins>陈一禾 <small class="code">S05</small></ins>');
    expect(field('post')).toContain('<ins>东湖街道社工站 <small class="code">P01</small></ins>');
    expect(field('category')).toContain('<ins>青少年 <small class="code">QSN</small></ins>');
    // Free text stays as written.
    expect(field('title')).toContain('<ins>测试个案</ins>');
  });
});
