import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built to out/renderer with relative asset paths, so the same files load from
// Electron's app:// protocol and from the browser-mode server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
