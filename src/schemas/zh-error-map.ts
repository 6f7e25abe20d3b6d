import { z } from 'zod';

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  date: '日期',
  object: '一组字段',
  array: '列表（每项以 - 开头）',
  null: '空值',
  undefined: '空',
};

const name = (type: string) => typeNames[type] ?? type;

/** Zod's built-in messages in Chinese; messages written on the schemas take precedence. */
const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: '缺少此项，必须填写' };
      return { message: `应为${name(issue.expected)}，实际为${name(issue.received)}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `应为 ${issue.options.join('、')} 之一，实际为 ${String(issue.received)}` };
    case z.ZodIssueCode.too_small:
      return { message: issue.type === 'array' ? `至少 ${String(issue.minimum)} 项` : `不能小于 ${String(issue.minimum)}` };
    case z.ZodIssueCode.too_big:
      return { message: issue.type === 'array' ? `至多 ${String(issue.maximum)} 项` : `不能大于 ${String(issue.maximum)}` };
    default:
      return { message: ctx.defaultError };
  }
};

// Installed as Zod's global map (not per parse) because a per-parse map outranks the messages
// written on the schemas themselves; the global one ranks below them. Astro's collections get it too.
z.setErrorMap(zhErrorMap);
