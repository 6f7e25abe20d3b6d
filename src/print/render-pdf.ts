import { CommandError } from '../errors.ts';
import { launchChromium } from './chromium.ts';

/**
 * An HTML document as an A4 PDF through headless Chromium. The page size, margins and the page
 * head and foot come from the document's own @page rules (print-css.ts), as in a browser's print.
 * The page is offline: the document holds its CSS and uses the installed fonts.
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const browser = await launchChromium().catch((error: Error) => {
    throw new CommandError(`无法启动 Chromium（${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}）：${error.message.split('\n')[0]}；可用环境变量 CHROMIUM_PATH 指定浏览器`);
  });
  try {
    const page = await browser.newPage({ offline: true });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
