import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * Builds `src/` into `app/`, the folder `zet pack` zips: relative asset URLs (Zoho serves the zip
 * from its own path), no source maps (zet drops `.map`, and the package should not carry sources),
 * one JS and one CSS file. SCRM_BACKEND_URL and SCRM_ZOHO_CONNECTION are baked in: Zoho's connection
 * call needs the full backend URL, and the widget has no other place to read it from before it runs.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src', import.meta.url)),
  base: './',
  define: {
    __SCRM_BACKEND_URL__: JSON.stringify(process.env.SCRM_BACKEND_URL ?? ''),
    __SCRM_ZOHO_CONNECTION__: JSON.stringify(process.env.SCRM_ZOHO_CONNECTION ?? ''),
  },
  build: {
    outDir: process.env.SCRM_ZOHO_OUT_DIR ?? fileURLToPath(new URL('./app', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    rollupOptions: { input: fileURLToPath(new URL('./src/widget.html', import.meta.url)) },
  },
})
