import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * Builds src/ into dist/, which the backend serves at /admin (backend/src/api/routes/admin-console.ts).
 * Preact's JSX through Vite's own transformer: no plugin needed. Hashed asset names, so the backend
 * can cache them for a year; no source maps shipped (the console's sources are in this repository).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: process.env.SCRM_CONSOLE_OUT_DIR ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
  },
})
