import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CSP, CSP_HEADER, PERMISSIONS_POLICY } from './src/csp.ts';
import { manifest } from './tools/build/manifest.ts';
import pkg from './package.json' with { type: 'json' };

/** Puts the Content-Security-Policy into the built index.html (not in dev, where Vite injects inline scripts). */
function cspMeta(): Plugin {
  return {
    name: 'doppel-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

const PRECACHE = {
  globPatterns: ['**/*.{js,css,html,svg,png,wasm,webmanifest,txt}'],
  // tfjs chunks are ~1.6 MB raw; the default 2 MiB limit is close, so allow 8 MiB (docs/toolchain.md, trap 4).
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
};

export default defineConfig({
  plugins: [
    react(),
    cspMeta(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      injectManifest: PRECACHE,
      devOptions: { enabled: false },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-backend-webgpu', 'comlink'],
  },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2048 },
  preview: {
    headers: {
      'Content-Security-Policy': CSP_HEADER,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy': PERMISSIONS_POLICY,
    },
  },
});
