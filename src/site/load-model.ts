import { readFileSync } from 'node:fs';
import type { SiteModel } from './site-model.ts';

/** The environment variable through which `swa build` hands the view model to the Astro pages. */
export const siteModelVariable = 'SWA_SITE_MODEL';

// On globalThis, not in this module: Astro's pages run from a bundle of their own with a copy of
// this module, and `swa build` writes the print views from the same parsed model after them.
const key = Symbol.for('swa.siteModel');
const slot = globalThis as { [key]?: { path: string; model: SiteModel } };

/**
 * The view model `swa build` wrote; the pages read nothing else about records. Cached per file:
 * several builds in one process (a public and an internal one) must each see their own.
 */
export function loadSiteModel(path = process.env[siteModelVariable]): SiteModel {
  if (!path) throw new Error(`${siteModelVariable} is not set: build the site with \`swa build\`, not \`astro build\``);
  if (slot[key]?.path !== path) slot[key] = { path, model: JSON.parse(readFileSync(path, 'utf8')) as SiteModel };
  return slot[key].model;
}

/** Lets the model be collected once the build is done with it. */
export function forgetSiteModel(): void {
  delete slot[key];
}
