import { keepHeapNearLiveSize } from '../heap-policy.ts';
import type { BuildOptions, BuildResult } from '../site/build-site.ts';
import { identityOption, rootOption, todayOption, type Declaration } from './declaration.ts';

export const declaration: Declaration = {
  usage: 'swa build [--internal [--identity FILE]] [--out DIR] [--root DIR] [--today YYYY-MM-DD]',
  summary: '生成档案网站（默认去标识、不需要密钥；--internal 用私钥解密个人资料，仅供本机查看）与中文搜索索引',
  options: { ...rootOption, ...todayOption, ...identityOption, internal: { type: 'boolean' }, out: { type: 'string' } },
};

/** `swa build`: the archive site and its search index (site/build-site.ts). */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // Rendering ten thousand pages makes garbage far faster than the build keeps data.
  keepHeapNearLiveSize();
  return (await import('../site/build-site.ts')).buildSite(options);
}
