import { identityOption, rootOption, todayOption, type Declaration } from './declaration.ts';
import type { StartOptions } from '../workbench/start.ts';

export const declaration: Declaration = {
  usage: 'swa workbench [--root DIR] [--port N] [--identity FILE] [--today YYYY-MM-DD]',
  summary: '在本机浏览器中使用的工作台：填写表格、查看检查结果、提交审批、审阅与批准（仅限 127.0.0.1，需启动时显示的令牌；--port 0 自动选择端口）',
  options: { ...rootOption, ...todayOption, ...identityOption, port: { type: 'string' } },
};

/** `swa workbench`: the local web application on 127.0.0.1 (workbench/start.ts), until its server is closed. */
export async function workbench(options: StartOptions) {
  return (await import('../workbench/start.ts')).startWorkbench(options);
}
