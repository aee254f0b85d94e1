import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  // The base path is a build setting so the app can be served from a sub-path of any static host.
  base: process.env.BASE_PATH ?? '/',
  plugins: [react()],
  resolve: {
    alias: { '@': fromRoot('./src'), '@mocks': fromRoot('./mocks') },
  },
  build: {
    target: 'es2022',
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
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Component tests click through Mantine on a busy 2-core machine; 5 s is too tight there.
    testTimeout: 15_000,
  },
})
