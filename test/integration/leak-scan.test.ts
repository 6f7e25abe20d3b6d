import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { leakScan, parseCanaries } from '../../src/privacy/leak-scan.ts';
import { runSwa } from '../helpers/run-swa.ts';

// Synthetic data only: a fictional id whose GB 11643 check character (4) is valid, a reserved test phone.
const residentId = '110101198506121234';
const phone = '13800138000';
const zwsp = '\u200b';

const recordPage = `<!doctype html><html lang="zh-CN"><body>
<p>服务对象：&#x5F20;三</p>
<p>联系电话：138${zwsp}0013${zwsp}8000</p>
<p>转介人：李<span class="hl">四</span></p>
</body></html>`;

// Pagefind's fragments are gzip'd JSON after a "pagefind_dcd" signature; JSON may escape any character.
const fragment = `pagefind_dcd{"url":"/records/a/","content":"服务对象 \\u5f20\\u4e09。身份证号 ${residentId}。"}`;

// Not text: the PII scanner skips it (the phone is not reported), canaries are still searched.
const image = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  Buffer.from(`tEXtAuthor\0张三\0${phone}`),
  Buffer.alloc(8),
]);

const canariesFile = '# 测试用标记值\n\n张三\n李四\n';

async function write(root: string, file: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(join(root, file)), { recursive: true });
  await writeFile(join(root, file), content);
}

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'swa-leak-'));
  await write(work, 'site/records/a/index.html', recordPage);
  await write(work, 'site/pagefind/fragment/zh-cn_0a1b2c3.pf_fragment', gzipSync(fragment));
  await write(work, 'site/img/logo.png', image);
  await write(work, 'site/index.html', '<!doctype html><html lang="zh-CN"><body><p>社区活动：长者健康义诊。</p></body></html>');
  await write(work, 'clean/index.html', '<!doctype html><html lang="zh-CN"><body><p>档案索引</p></body></html>');
  await write(work, 'canaries.txt', canariesFile);
  // What a careless note leaves, in the files a site has besides its pages (all fictional).
  await write(work, 'careless/sitemap.xml', '<?xml version="1.0"?><urlset><url><loc>https://example.org/records/a/</loc><!-- 联系 186.2000.3344 --></url></urlset>');
  await write(work, 'careless/data/model.json', '{"note":"\\u52a0\\u4e86 QQ\\u53f7 2865123470，微信号 qinxh_2026wx"}');
  await write(work, 'careless/pagefind/fragment/zh-cn_1.pf_fragment', gzipSync('pagefind_dcd{"content":"家住幸福小区5栋302，号码 186 2000\\n 3345，护照 E12345678，车牌 粤A·12345"}'));
});

describe('swa leak-scan', () => {
  it('reads canaries one per line, without blank lines and comments', () => {
    expect(parseCanaries(canariesFile)).toEqual(['张三', '李四']);
  });

  it('finds entity-encoded, JSON-escaped and markup-split canaries and personal data, in gzip files too', async () => {
    const result = await leakScan({ dir: join(work, 'site'), canaries: ['张三', '李四'] });
    expect(result.files).toBe(4);
    expect(result.canaryOnlyFiles).toBe(1);
    expect(result.hits).toEqual([
      { file: 'img/logo.png', kind: 'canary', text: '张三', context: 'G tEXtAuthor 张三 13800138000' },
      { file: 'pagefind/fragment/zh-cn_0a1b2c3.pf_fragment', kind: 'canary', text: '张三', context: 'a/","content":"服务对象 张三。身份证号 11010119850612' },
      {
        file: 'pagefind/fragment/zh-cn_0a1b2c3.pf_fragment',
        kind: 'residentId',
        text: residentId,
        context: 'tent":"服务对象 张三。身份证号 110101198506121234。"}',
      },
      { file: 'records/a/index.html', kind: 'canary', text: '张三', context: '-CN"><body> <p>服务对象：张三</p> <p>联系电话：1380013' },
      { file: 'records/a/index.html', kind: 'mobile', text: phone, context: '服务对象：张三</p> <p>联系电话：13800138000</p> <p>转介人：李<span c' },
      { file: 'records/a/index.html', kind: 'canary', text: '李四', context: '00138000</p> <p>转介人：李四</p> </body></html>' },
    ]);
  });

  it('finds the scanner’s kinds without a canaries file, in a sitemap, JSON and a gzip file, naming file and kind', async () => {
    const result = await leakScan({ dir: join(work, 'careless') });
    expect(result.hits.map((h) => [h.file, h.kind, h.text])).toEqual([
      ['data/model.json', 'qq', '2865123470'],
      ['data/model.json', 'wechat', 'qinxh_2026wx'],
      ['pagefind/fragment/zh-cn_1.pf_fragment', 'address', '幸福小区5栋302'],
      ['pagefind/fragment/zh-cn_1.pf_fragment', 'mobile', '186 2000\n 3345'],
      ['pagefind/fragment/zh-cn_1.pf_fragment', 'passport', 'E12345678'],
      ['pagefind/fragment/zh-cn_1.pf_fragment', 'plate', '粤A·12345'],
      ['sitemap.xml', 'mobile', '186.2000.3344'],
    ]);
  });

  it('exits 1 and lists every hit, 0 on a clean site, 2 for a missing folder or canaries file', async () => {
    const found = await runSwa(['leak-scan', 'site', '--canaries', 'canaries.txt'], work);
    expect(found.code).toBe(1);
    const lines = found.stdout.trim().split('\n');
    expect(lines).toContain(`site/records/a/index.html  手机号  ${phone}  …服务对象：张三</p> <p>联系电话：13800138000</p> <p>转介人：李<span c…`);
    expect(lines).toContain(`site/pagefind/fragment/zh-cn_0a1b2c3.pf_fragment  身份证号  ${residentId}  …tent":"服务对象 张三。身份证号 110101198506121234。"}…`);
    expect(lines.slice(-2)).toEqual(['（其中 1 个文件未查个人信息、只查标记值：二进制文件与 Pagefind 自带的脚本和样式）', '扫描了 4 个文件：发现 6 处']);

    const json = await runSwa(['leak-scan', 'site', '--json'], work);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).hits.map((h: { kind: string }) => h.kind)).toEqual(['residentId', 'mobile']);

    const clean = await runSwa(['leak-scan', 'clean', '--canaries', 'canaries.txt'], work);
    expect({ code: clean.code, stdout: clean.stdout.trim() }).toEqual({ code: 0, stdout: '扫描了 1 个文件：发现 0 处' });

    const noDir = await runSwa(['leak-scan', 'nowhere'], work);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain(`找不到要扫描的网站目录：${join(work, 'nowhere')}`);

    const noCanaries = await runSwa(['leak-scan', 'site', '--canaries', 'missing.txt'], work);
    expect(noCanaries.code).toBe(2);
    expect(noCanaries.stderr).toContain(`找不到标记值文件：${join(work, 'missing.txt')}`);
  });
});
