import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Citizens' pages and the staff console (a chunk of its own): built into dist/web and served by the API process. The
 * second build (`vite build --ssr`, isSsrBuild) is the server's renderer of citizens' pages, into dist/ssr.
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: 'src/web',
  publicDir: isSsrBuild ? false : 'public',
  build: isSsrBuild
    ? { ssr: 'entry-server.tsx', outDir: '../../dist/ssr', emptyOutDir: true }
    : // The manifest lets scripts/check-budget.mjs follow what a citizen's page loads.
      { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 800, manifest: true },
  // Bundled into the renderer so it runs on its own from dist/ssr, with only Node built-ins outside.
  ssr: { noExternal: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
  plugins: [
    react(),
    !isSsrBuild &&
      VitePWA({
        registerType: 'autoUpdate',
        includeAssets: ['favicon.svg'],
        manifest: {
          name: 'Kết nối — UBND xã/phường',
          short_name: 'Kết nối',
          description: 'Sổ hộ, nhân khẩu và dịch vụ công cho xã, phường và tổ dân phố',
          lang: 'vi',
          theme_color: '#b91c1c',
          background_color: '#ffffff',
          display: 'standalone',
          start_url: '/',
          icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any maskable' }],
        },
        workbox: {
          navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
          globPatterns: ['**/*.{js,css,html,svg}'],
          importScripts: ['push-handler.js'],
        },
      }),
  ],
}));
