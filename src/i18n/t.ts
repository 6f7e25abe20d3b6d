import strings from './zh.json' with { type: 'json' };

export type MessageKey = keyof typeof strings;

/** The UI string for `key`, in Simplified Chinese. */
export const t = (key: MessageKey): string => strings[key];
