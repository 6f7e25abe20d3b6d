import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/records/parse-frontmatter.ts';
import { applyFormValues, describeRecordForm, readFormValues, renderSections, type FormBody } from '../../src/workbench/forms/index.ts';
import { launchChromium } from '../helpers/browser.ts';

const file = 'content/cases/2026/0002.md';
const source = readFileSync(join(import.meta.dirname, '../..', file), 'utf8');
const sections = describeRecordForm('case');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function formPage(width: number): Promise<Page> {
  const parsed = parseFrontmatter(source);
  if ('message' in parsed) throw new Error(parsed.message);
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.setContent(`<!doctype html><html lang="zh-CN"><meta name="viewport" content="width=device-width"><body><form>${renderSections(sections, parsed.data, new Map())}</form></body></html>`);
  return page;
}

/** The form's data set as the browser would post it. */
const posted = (page: Page): Promise<FormBody> =>
  page.$eval('form', (form) => {
    const body: Record<string, string | string[]> = {};
    for (const [name, value] of new FormData(form as HTMLFormElement)) {
      const before = body[name];
      body[name] = before === undefined ? String(value) : [...(Array.isArray(before) ? before : [before]), String(value)];
    }
    return body;
  });

describe('the form in Chromium', () => {
  it('adds and removes rows, and what it posts is what the record gets', async () => {
    const page = await formPage(1200);
    const sessions = page.locator('fieldset[data-rows="sessions"]');
    await sessions.getByRole('button', { name: '添加一项' }).click();
    await sessions.getByRole('button', { name: '添加一项' }).click();
    await page.getByLabel('服务日期').first().fill('2026-11-26');
    await page.getByLabel('服务方式').first().selectOption('电话');
    await page.getByLabel('服务内容').first().fill('电话跟进');
    await page.getByLabel('服务日期').nth(1).fill('2026-11-27');
    await page.getByLabel('服务方式').nth(1).selectOption('面谈');
    await page.getByLabel('服务内容').nth(1).fill('面谈');
    await sessions.getByRole('button', { name: '删除此项' }).first().click();
    expect(await sessions.locator('.row-title').allTextContents()).toEqual(['第1项']);
    await page.getByLabel('已签署').check();
    await page.getByLabel('签署日期').fill('2026-11-25');
    const edited = applyFormValues(source, readFormValues(sections, await posted(page)));
    const data = parseFrontmatter(edited) as { data: Record<string, unknown> };
    expect(data.data.sessions).toEqual([{ date: '2026-11-27', mode: '面谈', summary: '面谈' }]);
    expect(data.data.consent).toEqual({ signed: true, date: '2026-11-25' });
    await page.close();
  });

  it('posts a record unchanged when nothing is edited', async () => {
    const page = await formPage(1200);
    expect(applyFormValues(source, readFormValues(sections, await posted(page)))).toBe(source);
    await page.close();
  });

  it('fits a 390 px phone in one column', async () => {
    const page = await formPage(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const boxes = await page.locator('#section-intake .field').evaluateAll((fields) => fields.map((f) => f.getBoundingClientRect().left));
    expect(new Set(boxes).size).toBe(1);
    await page.close();
  });
});
