// `npm run receiver`: Node 20 cannot run TypeScript by itself (no --experimental-strip-types
// before 22.6), so Vite's module runner, already installed, loads receiver/node.ts.
import { runnerImport } from 'vite'

const { module } = await runnerImport('/receiver/node.ts', {
  configFile: false,
  root: new URL('..', import.meta.url).pathname,
  logLevel: 'warn',
})
await module.main()
