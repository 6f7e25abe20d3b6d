// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// The archive site (pages, search) is built from the same schemas as `swa check`.
export default defineConfig({
  integrations: [mdx()],
});
