import type { Browser } from 'playwright-core';
import { launchChromium as launch } from '../../src/print/chromium.ts';

/**
 * The tests drive the same headless Chromium `swa print` renders with. Form controls follow the
 * page's lang, as in a Chinese-language browser (dates as yyyy/mm/dd): Debian's Chromium ships
 * only its en-US locale, and neither the context's locale nor --lang reaches a date input.
 */
export const launchChromium = (): Promise<Browser> => launch(['--enable-blink-features=LangAttributeAwareFormControlUI']);
