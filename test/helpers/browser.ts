/** The tests drive the same headless Chromium `swa print` renders with. */
export { launchChromium } from '../../src/print/chromium.ts';
