import { describe, expect, it } from 'vitest';
import { archiveRegister, nextArchiveNo, parseArchiveNo } from '../../src/archive/numbering.ts';
import { setTopLevelField } from '../../src/archive/set-field.ts';

describe('archive numbers [G-ARCHIVE-NO]', () => {
  const series = { category: 'QSN', nature: 'GA', month: '202612' };

  it('continue the series of the year after the highest number ever taken, gaps included', () => {
    expect(nextArchiveNo(series, [], 3)).toBe('QSN-GA-001-202612');
    expect(nextArchiveNo(series, ['QSN-GA-001-202603', 'QSN-GA-004-202611', 'QSN-GA-009-202512', 'QSN-XZ-007-202612'], 3)).toBe('QSN-GA-005-202612');
    expect(nextArchiveNo({ ...series, month: '202701' }, ['QSN-GA-004-202611'], 3)).toBe('QSN-GA-001-202701');
  });

  it('parse and reject', () => {
    expect(parseArchiveNo('JD-SQ-012-202608')).toEqual({ category: 'JD', nature: 'SQ', seq: 12, month: '202608' });
    expect(parseArchiveNo('JD-SQ-12-2026')).toBeNull();
  });

  it('the register explains every gap: withdrawn, pending, never taken', () => {
    const current = new Map([
      ['QSN-GA-001-202603', 'cases/2026-0001'],
      ['QSN-GA-004-202611', 'cases/2026-0009'],
    ]);
    const everOnMain = new Map([
      ['QSN-GA-001-202603', { record: 'cases/2026-0001', time: '2026-03-31T16:00:00+08:00' }],
      ['QSN-GA-002-202605', { record: 'cases/2026-0004', time: '2026-05-31T16:00:00+08:00' }],
      ['QSN-GA-004-202611', { record: 'cases/2026-0009', time: '2026-11-30T16:00:00+08:00' }],
    ]);
    const pending = new Map([['QSN-GA-005-202612', 'cases/2026-0011']]);
    const register = archiveRegister(current, everOnMain, pending, 3);
    expect(register.map((e) => [e.archiveNo, e.record, e.status])).toEqual([
      ['QSN-GA-001-202603', 'cases/2026-0001', 'current'],
      ['QSN-GA-002-202605', 'cases/2026-0004', 'withdrawn'],
      ['QSN-GA-003-2026??', null, 'gap'],
      ['QSN-GA-004-202611', 'cases/2026-0009', 'current'],
      ['QSN-GA-005-202612', 'cases/2026-0011', 'pending'],
    ]);
    expect(register[1]?.note).toContain('编号保留，不再使用');
  });

  it('writes the number into the frontmatter without touching other lines', () => {
    const text = '---\n# 虚构\nid: cases/2026-0001\nworker: S05  # 负责社工\nclient:\n  name: 某（虚构）\n---\n正文\n';
    expect(setTopLevelField(text, 'archiveNo', 'QSN-GA-001-202612', 'worker')).toBe(
      '---\n# 虚构\nid: cases/2026-0001\nworker: S05  # 负责社工\narchiveNo: QSN-GA-001-202612\nclient:\n  name: 某（虚构）\n---\n正文\n',
    );
    const blank = '---\nid: x\narchiveNo:  # 档案编号\nworker: S05\n---\n';
    expect(setTopLevelField(blank, 'archiveNo', 'QSN-GA-002-202612', 'worker')).toBe('---\nid: x\narchiveNo: QSN-GA-002-202612  # 档案编号\nworker: S05\n---\n');
  });
});
