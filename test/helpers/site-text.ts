export { canaryHits, normalise, siteTexts } from '../../src/privacy/site-text.ts';
