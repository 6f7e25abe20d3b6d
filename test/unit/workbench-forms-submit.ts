import type { FormBody } from '../../src/workbench/forms/index.ts';

const unescape = (text: string): string =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] as string);

const attr = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>])`).exec(tag);
  return match ? unescape(match[1] ?? '') : undefined;
};

/**
 * What a browser posts for a rendered form fragment (application/x-www-form-urlencoded, as the
 * workbench reads it): enabled controls outside <template>, checked checkboxes, each select's
 * selected option (or its first), textareas' text; a name given twice posts both values. `edit` changes or adds values by name.
 */
export function submitForm(fragment: string, edit: Record<string, string | undefined> = {}): FormBody {
  const body: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const before = body[name];
    body[name] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  };
  const live = fragment.replace(/<template>[\s\S]*?<\/template>/g, '');
  const controls = /<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>|<select\b[^>]*>([\s\S]*?)<\/select>/g;
  for (const match of live.matchAll(controls)) {
    const tag = (/^<[^>]*>/.exec(match[0]) as RegExpExecArray)[0];
    const name = attr(tag, 'name');
    if (name === undefined || attr(tag, 'disabled') !== undefined) continue;
    if (tag.startsWith('<input')) {
      if (attr(tag, 'type') === 'checkbox' && attr(tag, 'checked') === undefined) continue;
      add(name, attr(tag, 'value') ?? '');
    } else if (tag.startsWith('<textarea')) add(name, unescape(match[1] ?? ''));
    else {
      const options = [...(match[2] ?? '').matchAll(/<option\b[^>]*>/g)].map((o) => o[0]);
      const chosen = options.find((o) => attr(o, 'selected') !== undefined) ?? options[0];
      add(name, chosen ? (attr(chosen, 'value') ?? '') : '');
    }
  }
  for (const [name, value] of Object.entries(edit)) {
    if (value === undefined) delete body[name];
    else body[name] = value;
  }
  return body;
}
