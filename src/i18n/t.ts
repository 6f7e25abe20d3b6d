import strings from './zh.json';

export type MessageKey = keyof typeof strings;

/** The UI string for `key`, in Simplified Chinese. */
export const t = (key: MessageKey): string => strings[key];
