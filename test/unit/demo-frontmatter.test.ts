import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { frontmatterLines } from '../../src/demo/frontmatter.ts';

describe('the demo generator writes frontmatter', () => {
  const fields = {
    id: 'cases/2026-0001',
    hotline: '12355',
    note: '原因：搬迁 #1',
    archiveNo: undefined,
    consent: { signed: true, date: '2026-03-03' },
    sessions: [{ date: '2026-03-10', mode: '面谈', summary: '建立关系，了解需要' }],
    referrals: [{ date: '2026-04-01', type: '机构内', toWorker: 'S07', reason: '搬迁', clientConsent: true, reply: { date: '2026-04-02', accepted: true } }],
    followUps: [],
    client: 'sealed',
  };
  const lines = frontmatterLines(fields, { client: ['client: |', '  BLOCK'] });

  it('that YAML reads back as written, numbers-as-text and colons quoted, empty keys and lists left out', () => {
    const read = load(lines.join('\n')) as Record<string, unknown>;
    expect(read).toMatchObject({ id: 'cases/2026-0001', hotline: '12355', note: '原因：搬迁 #1', client: 'BLOCK\n' });
    expect(read).not.toHaveProperty('archiveNo');
    expect(read).not.toHaveProperty('followUps');
    expect((read.referrals as { reply: { accepted: boolean } }[])[0]?.reply.accepted).toBe(true);
  });

  it('with a short entry on one line and a form-sized one as a block whose first line never changes', () => {
    expect(lines).toContain('  - { date: 2026-03-10, mode: 面谈, summary: 建立关系，了解需要 }');
    expect(lines).toContain('  - date: 2026-04-01');
    expect(lines).toContain('    reply:');
  });
});
