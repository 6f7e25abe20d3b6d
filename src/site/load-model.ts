import { readFileSync } from 'node:fs';
import type { SiteModel } from './site-model.ts';

/** The environment variable through which `swa build` hands the view model to the Astro pages. */
export const siteModelVariable = 'SWA_SITE_MODEL';

let cached: { path: string; model: SiteModel } | undefined;

/**
 * The view model `swa build` wrote; the pages read nothing else about records. Cached per file:
 * several builds in one process (a public and an internal one) must each see their own.
 */
export function loadSiteModel(): SiteModel {
  const path = process.env[siteModelVariable];
  if (!path) throw new Error(`${siteModelVariable} is not set: build the site with \`swa build\`, not \`astro build\``);
  if (cached?.path !== path) cached = { path, model: JSON.parse(readFileSync(path, 'utf8')) as SiteModel };
  return cached.model;
}
