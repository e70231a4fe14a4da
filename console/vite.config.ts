// The staff console's build: Vue 3 + Element Plus, served by the express app under /console.
// Everything (scripts, styles, icons) is bundled into dist/: nothing is fetched from elsewhere.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [vue()],
  build: { outDir: path.join(here, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  // `npm run console:dev`: the pages from Vite, the API from the app on port 3000
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
