import { readFileSync } from 'node:fs';
import type { SiteModel } from './site-model.ts';

/** The environment variable through which `swa build` hands the view model to the Astro pages. */
export const siteModelVariable = 'SWA_SITE_MODEL';

let model: SiteModel | undefined;

/** The view model `swa build` wrote; the pages read nothing else about records. */
export function loadSiteModel(): SiteModel {
  const path = process.env[siteModelVariable];
  if (!path) throw new Error(`${siteModelVariable} is not set: build the site with \`swa build\`, not \`astro build\``);
  model ??= JSON.parse(readFileSync(path, 'utf8')) as SiteModel;
  return model;
}
