/** What each `swa` option takes and does, for the help a command prints from its declared options. */
export const optionHelp: Record<string, { value?: string; text: string }> = {
  root: { value: 'DIR', text: '档案所在的目录（默认当前目录）' },
  today: { value: 'YYYY-MM-DD', text: '按这一天计算期限（默认为北京时间 UTC+8 的今天）' },
  identity: { value: 'FILE', text: 'age 私钥文件（默认 $SWA_IDENTITY）' },
  json: { text: '输出 JSON' },
  category: { value: 'CODE', text: '服务类别代码（见 archive.yaml）' },
  worker: { value: 'ID', text: '社工编号，例如 S05' },
  supervisor: { value: 'ID', text: '督导编号，例如 S04（督导记录）' },
  stage: { value: 'STAGE', text: '审批环节（默认按内容推断）' },
  head: { value: 'SHA', text: '审阅时分支头的提交；分支此后有变动则拒绝' },
  sign: { text: '用名册登记的 SSH 密钥签名合并提交' },
  reason: { value: '"…"', text: '退回理由' },
  renumber: { text: '为与其他记录冲突的编号重新编号' },
  quarter: { value: '2026Q4', text: '季度' },
  year: { value: '2026', text: '年度' },
  project: { value: 'P', text: '项目编号（见 archive.yaml 的 projects）' },
  xlsx: { value: 'FILE', text: '写出 Excel 工作簿（每张表一个工作表）' },
  post: { value: 'P', text: '岗位编号，例如 P02' },
  n: { value: 'N', text: '抽查份数' },
  seed: { value: 'S', text: '随机种子（抽查默认为 main 的提交哈希）' },
  half: { value: '2026H2', text: '半年（H1、H2）或全年（2026）' },
  escrow: { value: 'AGE-PUBLIC-KEY', text: '新的托管公钥' },
  'kept-by': { value: '保管人', text: '托管私钥的保管人' },
  canaries: { value: 'FILE', text: '标记值文件（每行一个，# 开头为注释）' },
  internal: { text: '内部版本：用私钥解密个人资料，每页标明、禁止收录' },
  out: { value: 'DIR|FILE', text: '输出目录（swa print 为 PDF 文件）' },
  form: { value: 'FORM', text: '只打印这一张表格（名称见 swa print --blank list）' },
  cover: { text: '打印档案袋封面' },
  blank: { value: 'FORM|list', text: '打印一张空白表格；list 列出所有表格' },
  records: { value: 'N', text: '生成 N 份合成记录（供基准测试）' },
  shape: { value: 'realistic|synthetic', text: '合成档案的形态：真实形态（默认）或每份个案一次审批合并' },
  dir: { value: 'DIR', text: '网站所在目录（默认 dist）' },
  port: { value: 'PORT', text: '端口（默认 4321）' },
};

/** The option lines of a command's help, in the order the command declares them. */
export function optionLines(names: readonly string[]): string[] {
  const shown = names.map((name) => [`--${name}${optionHelp[name]?.value ? ` ${optionHelp[name].value}` : ''}`, optionHelp[name]?.text ?? ''] as const);
  const width = Math.max(0, ...shown.map(([flag]) => flag.length));
  return shown.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
}
