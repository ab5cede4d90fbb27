/**
 * Builds the window into `dist/renderer/`. Run from the repository root as
 * `vite build renderer` (the positional argument makes this folder the root).
 *
 * Asset paths are relative (`base: './'`), so the same build loads from the Electron app's
 * own origin and from browser mode's loopback host. Nothing is loaded from anywhere else
 * and no script is inline, so the page runs under the window's Content-Security-Policy,
 * which both of them send as a response header
 * (see electron/shell/content-security-policy.ts).
 *
 * `public/favicon.ico` is copied as is to the build's root: pages without an icon link of
 * their own (browser mode's launch page) make Chromium ask for /favicon.ico.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // An inlined asset would become a `data:` URL; the policy allows those for images and fonts only.
    assetsInlineLimit: 0,
    // Chromium supports modulepreload itself: no polyfill in the bundle.
    modulePreload: { polyfill: false },
    // React and Mantine in one chunk, the Lab's own code in another: a screen's change leaves the libraries' chunk as it was.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
  server: { host: '127.0.0.1' },
});
