import { defineConfig } from 'vitest/config';

// Integration tests drive real git, the swa executable, Astro and Chromium on a 2-core machine:
// a generous timeout keeps them from failing on a busy machine, not on a slow product.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
