// Vite builds the UI into hashed files under assets/ that the cdcwb binary embeds and serves.
// `npm run dev` serves it live and sends /api to a running `cdcwb serve` (CDCWB_API).
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const api = process.env.CDCWB_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [svelte()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0, // the server's CSP allows no data: URLs; every asset is a file
    chunkSizeWarningLimit: 1200,
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': api, '/healthz': api, '/readyz': api },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
