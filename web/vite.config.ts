import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The web app: built into web/dist and served by the Grassroots server at `/` (API at `/api`). */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    // Cheap phones on slow links: one chunk per screen group, no source maps shipped.
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    // Libraries change less often than the app: their own chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
            },
            { name: 'vendor-mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite web` during development, with the API of a running `npm start` behind it: on the
    // server's PORT, as the server reads it (default 3000).
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT?.trim() || '3000'}` },
  },
});
