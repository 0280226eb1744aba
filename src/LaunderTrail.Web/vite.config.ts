import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts alone is ~600 kB minified even tree-shaken; one offline bundle is the point.
    chunkSizeWarningLimit: 1500,
  },
});
