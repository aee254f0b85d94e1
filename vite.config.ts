import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import {
  contentSecurityPolicy,
  policyHeaderRule,
  policyOptionsFromEnv,
} from './scripts/content-security-policy.ts'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * Mantine's ScrollArea (which the connections table's scroll container uses) imports one 10-line
 * hook, useMergeRefs, from @floating-ui/react. That one import makes all of Floating UI reachable
 * from the first page, so the bundler puts ~9 kB (gzip) of it in the first load although only the
 * lazy menus and selects use it. @mantine/hooks' useMergedRef does the same job.
 */
function scrollAreaWithoutFloatingUi(): Plugin {
  const from = 'import { useMergeRefs } from "@floating-ui/react";'
  const to =
    'import { useMergedRef } from "@mantine/hooks";\n' +
    'const useMergeRefs = (refs) => useMergedRef(...refs);'
  return {
    name: 'git-connector:scroll-area-without-floating-ui',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/@mantine/core/esm/components/ScrollArea/ScrollArea.mjs')) return null
      if (!code.includes(from)) {
        this.warn('ScrollArea no longer imports useMergeRefs as expected: the first load may grow.')
        return null
      }
      return { code: code.replace(from, to), map: null }
    },
  }
}

/**
 * Files for static hosts, written with the build's base path:
 * - `_headers` (Netlify, Cloudflare Pages): hashed assets are cached for a year, immutable; the
 *   page, `config.json` and the demo's service worker are revalidated on every load. Every path gets
 *   the Content-Security-Policy header, which adds `frame-ancestors 'none'` to the meta policy.
 * - `404.html`, a copy of `index.html`, when FALLBACK_404 is set: GitHub Pages (and any host whose
 *   only fallback is its 404 page) then opens deep links. Not by default: Cloudflare Pages treats a
 *   top-level 404.html as "not a single-page app" and stops its own fallback.
 */
function staticHostFiles(): Plugin {
  let base = '/'
  return {
    name: 'git-connector:static-host-files',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base
    },
    generateBundle(_options, bundle) {
      const revalidate = [
        '',
        'index.html',
        'config.json',
        'manifest.webmanifest',
        'mockServiceWorker.js',
      ]
      const rules = [
        `${base}assets/*\n  Cache-Control: public, max-age=31536000, immutable`,
        ...revalidate.map((path) => `${base}${path}\n  Cache-Control: no-cache`),
        policyHeaderRule(base, policyOptionsFromEnv()),
      ]
      this.emitFile({ type: 'asset', fileName: '_headers', source: `${rules.join('\n')}\n` })
      const html = bundle['index.html']
      if (process.env.FALLBACK_404 && html?.type === 'asset') {
        this.emitFile({ type: 'asset', fileName: '404.html', source: html.source })
      }
    },
  }
}

export default defineConfig({
  // The base path is a build setting so the app can be served from a sub-path of any static host.
  base: process.env.BASE_PATH ?? '/',
  plugins: [react(), scrollAreaWithoutFloatingUi(), contentSecurityPolicy(), staticHostFiles()],
  resolve: {
    alias: { '@': fromRoot('./src'), '@mocks': fromRoot('./mocks') },
  },
  build: {
    target: 'es2022',
    // Only demo mode's chunk (MSW and the simulated providers) is past 500 kB, and only demo mode
    // loads it; `npm run budget` reports every chunk.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // Rolldown would otherwise merge modules that only lazy chunks use (the side panel's
      // combobox and Floating UI) into a chunk the first page preloads.
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    // Adapters, storage and logic run in Node; component tests opt into jsdom per file.
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'mocks/**/*.test.ts',
      'tests/unit/**/*.test.{ts,tsx}',
      // Providers' own published examples through the adapters (issue 15, section 2).
      'tests/conformance/**/*.test.ts',
      // The reference webhook receiver (receiver/, issue 20).
      'receiver/**/*.test.ts',
    ],
    restoreMocks: true,
    // Component tests click through Mantine on a busy 2-core machine; 5 s is too tight there.
    testTimeout: 15_000,
  },
})
