import type { Document } from 'yaml';
import { yamlPackage } from './yaml-package.ts';

/**
 * Offset of the first alias (`*name`) in a parsed document, or undefined when it has none. Each
 * alias repeats its anchor's value, so a few lines of nested aliases stand for billions of values
 * (an "alias bomb") in every walk over the data: records and configuration files refuse them.
 */
export function firstAliasOffset(doc: Document): number | undefined {
  const { visit } = yamlPackage();
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

export const aliasMessage = 'YAML 中使用了别名（*名称）：记录和配置文件不能使用锚点（&）和别名（*），请把每个值直接写出';
