import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkArchive } from '../check/check-archive.ts';
import { CommandError } from '../errors.ts';
import { gitAt } from '../git.ts';
import { mainBranch } from '../ledger/git-log.ts';
import { readArchiveFiles } from '../records/read-archive.ts';
import { nextRecordId } from '../records/next-id.ts';
import { holdsRole } from '../rules/roster.ts';
import { archiveItems } from '../rules/archive-items.ts';
import { auditReport, sampleForAudit, type WorkerScores } from './audits.ts';
import { roleLabel } from '../i18n/terms.ts';

async function contextAt(cwd: string, today: string) {
  const { context } = checkArchive(await readArchiveFiles(cwd), today);
  if (!context) throw new CommandError('名册 staff.yaml 或代码表 archive.yaml 无法读取；请先运行 swa check 并修正');
  return context;
}

export interface AuditSampleOptions {
  cwd: string;
  today: string;
  n: number;
  seed?: string;
}

export interface AuditSampleResult {
  seed: string;
  written: { id: string; path: string; target: string }[];
}

/**
 * `swa audit sample`: draws the sample (seeded by default from main's commit hash, printed so
 * anyone can re-draw it) and writes one audit record per drawn record for the business lead to
 * score; completeness is pre-filled from the forms present.
 */
export async function auditSample({ cwd, today, n, seed }: AuditSampleOptions): Promise<AuditSampleResult> {
  if (!Number.isInteger(n) || n < 1) throw new CommandError(`--n 应为正整数；收到 ${n}`);
  const context = await contextAt(cwd, today);
  const usedSeed = seed ?? (await gitAt(cwd).raw(['rev-parse', '--verify', '--quiet', mainBranch]).catch(() => '')).trim();
  if (!usedSeed) throw new CommandError('没有 main 分支可作种子；请用 --seed 指定');
  const auditor = context.roster.people.find((p) => holdsRole(context.roster, p.id, 'businessLead', today));
  if (!auditor) throw new CommandError(`${today} 名册中没有机构${roleLabel('businessLead')}`);

  const drawn = sampleForAudit(context, n, usedSeed);
  const written: AuditSampleResult['written'] = [];
  for (const target of drawn) {
    const checklist = archiveItems(target);
    const completeness = Math.round((checklist.filter((c) => c.present).length / checklist.length) * 100);
    const { id, path } = await nextRecordId(cwd, 'audit', Number(today.slice(0, 4)));
    const text = [
      '---',
      `# 抽样种子 ${usedSeed}（swa audit sample --seed ${usedSeed} 可复现）`,
      `id: ${id}`,
      `target: ${target.id}  # 抽查对象`,
      `auditor: ${auditor.id}  # 抽查人`,
      `date: ${today}  # 抽查日期`,
      'scores:  # 评分（0-100）',
      `  completeness: ${completeness}  # 完整性：按材料齐全程度预填，可调整`,
      '  standardization:  # 规范性',
      '  professionalism:  # 专业性',
      'notes:  # 备注',
      '---',
      '',
    ].join('\n');
    await mkdir(dirname(join(cwd, path)), { recursive: true });
    await writeFile(join(cwd, path), text, { flag: 'wx' });
    written.push({ id, path, target: target.id });
  }
  return { seed: usedSeed, written };
}

export async function auditSummary({ cwd, today, period }: { cwd: string; today: string; period: string }): Promise<WorkerScores[]> {
  if (!/^\d{4}(H[12])?$/.test(period)) throw new CommandError(`--half 应为半年（2026H2）或整年（2026）；收到 ${period}`);
  return auditReport(await contextAt(cwd, today), period);
}
