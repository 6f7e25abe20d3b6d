import type { Part } from '../site/value-parts.ts';
import { escapeHtml } from './forms/html.ts';

/** Escapes text for HTML content and attribute values: every value a page shows goes through here. */
export const esc = (value: unknown): string => escapeHtml(String(value ?? ''));

/** The hidden field every state-changing form carries (see security.ts). */
export const csrfField = (csrf: string): string => `<input type="hidden" name="csrf" value="${esc(csrf)}">`;

/** A record id as a URL path: ids are kind/year-number, never personal data. */
export const recordPath = (prefix: string, id: string): string => `/${prefix}/${id.split('/').map(encodeURIComponent).join('/')}`;

/** A name as the site shows it (ISSUE-15): the name, its roster or code-table code after it in small type. */
export const partHtml = (part: Part): string => `${esc(part.text)}${part.code ? ` <small class="code">${esc(part.code)}</small>` : ''}`;
