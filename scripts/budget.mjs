// Performance budget (DESIGN.md): builds the app and reports every JavaScript chunk's gzip size,
// grouped as the first load (what index.html loads before anything lazy: its entry script and every
// modulepreload) and the lazy chunks, naming the provider SDKs and demo mode's chunks; then, for each
// lazy entry (a page, an adapter, demo mode), what loading it adds to the first load. Fails when the
// first load is over the budget.
// Usage: node scripts/budget.mjs [--max kB] [--outDir dist] [--json]   (BASE_PATH is honoured)
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const index = args.indexOf(name)
  return index === -1 ? fallback : args[index + 1]
}
const maxKb = Number(option('--max', 200))
const outDir = option('--outDir', 'dist')
const asJson = args.includes('--json')
const root = process.cwd()

const result = await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } })
const outputs = (Array.isArray(result) ? result : [result]).flatMap((entry) => entry.output)
const chunks = new Map(
  outputs.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
)
const gzip = (text) => gzipSync(text, { level: 9 }).length
const kB = (bytes) => (bytes / 1024).toFixed(1)

// The first load is what the browser is told to fetch by index.html, not a guess from the graph.
const html = readFileSync(join(outDir, 'index.html'), 'utf8')
const firstLoad = new Set(
  [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) =>
    match[1].replace(/^.*?(assets\/)/, '$1'),
  ),
)
for (const file of firstLoad) {
  if (!chunks.has(file)) throw new Error(`index.html loads ${file}, which the build did not emit.`)
}
// Sanity: everything the entry imports statically is preloaded, so the sum is the whole first load.
const closure = (start) => {
  const seen = new Set()
  const visit = (file) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const next of chunks.get(file)?.imports ?? []) visit(next)
  }
  start.forEach(visit)
  return seen
}
const entry = [...chunks.values()].find((chunk) => chunk.isEntry)
for (const file of closure([entry.fileName])) {
  if (!firstLoad.has(file)) throw new Error(`${file} loads with the entry but is not preloaded.`)
}

/** Where a module comes from: an npm package, or a folder of the app. */
function origin(id) {
  const clean = id.replace(/\0/g, '').replace(/\?.*$/, '')
  const inPackage = clean.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (inPackage) return inPackage[1]
  const path = relative(root, clean)
  if (path.startsWith('..') || !path.includes('/')) return path || clean
  const [top, second] = path.split('/')
  return top === 'src' ? `src/${second}` : top
}

const SDKS = [
  ['@octokit/', 'GitHub SDK (Octokit)'],
  ['isomorphic-git', 'Custom Git SDK (isomorphic-git)'],
  ['buffer', 'Buffer polyfill for isomorphic-git'],
]
/** What a chunk is, for a person reading the report. */
function label(chunk) {
  // A facade chunk (a re-export of modules that live elsewhere) is named by its facade module.
  const packages = new Set([...chunk.moduleIds, chunk.facadeModuleId].filter(Boolean).map(origin))
  const tags = []
  for (const [prefix, name] of SDKS) {
    if ([...packages].some((name) => name.startsWith(prefix))) tags.push(`provider SDK: ${name}`)
  }
  const adapter = chunk.facadeModuleId?.match(/src\/providers\/([^/]+)\/adapter\.ts$/)
  if (adapter) tags.push(`adapter: ${adapter[1]}`)
  if (packages.has('msw') || [...packages].some((name) => name === 'mocks')) {
    tags.push('demo mode (MSW and simulated providers)')
  }
  const page = chunk.facadeModuleId?.match(/src\/app\/routes\/([^/]+)\.tsx$/)
  if (page) tags.push(`page: ${page[1]}`)
  return tags
}

/** The biggest contributors to a chunk, by rendered (minified) length. */
function contents(chunk, limit = 4) {
  const sizes = new Map()
  for (const [id, module] of Object.entries(chunk.modules)) {
    const name = origin(id)
    sizes.set(name, (sizes.get(name) ?? 0) + module.renderedLength)
  }
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0) || 1
  return [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, size]) => `${name} ${Math.round((100 * size) / total)}%`)
    .join(', ')
}

const rows = [...chunks.values()].map((chunk) => ({
  file: chunk.fileName,
  gzip: gzip(chunk.code),
  firstLoad: firstLoad.has(chunk.fileName),
  tags: label(chunk),
  contents: contents(chunk),
}))
rows.sort((a, b) => b.gzip - a.gzip)
const firstLoadBytes = rows.filter((row) => row.firstLoad).reduce((sum, row) => sum + row.gzip, 0)
const css = outputs
  .filter((item) => item.type === 'asset' && item.fileName.endsWith('.css'))
  .reduce((sum, asset) => sum + gzip(asset.source), 0)

// What each lazy entry costs when it is used: its chunk and everything it imports statically that
// the first load did not already bring.
const lazyEntries = [...chunks.values()]
  .filter((chunk) => chunk.isDynamicEntry && !firstLoad.has(chunk.fileName))
  .map((chunk) => {
    const files = [...closure([chunk.fileName])].filter((file) => !firstLoad.has(file))
    const tags = [...new Set(files.flatMap((file) => label(chunks.get(file))))]
    return {
      entry: relative(root, chunk.facadeModuleId ?? chunk.fileName).replace(
        /^.*node_modules\//,
        '',
      ),
      gzip: files.reduce((sum, file) => sum + rows.find((row) => row.file === file).gzip, 0),
      chunks: files.length,
      tags,
    }
  })
  .sort((a, b) => b.gzip - a.gzip)

const over = firstLoadBytes / 1024 > maxKb
if (asJson) {
  console.log(
    JSON.stringify({ firstLoadKb: +kB(firstLoadBytes), maxKb, cssKb: +kB(css), rows, lazyEntries }),
  )
} else {
  const print = (row) =>
    console.log(
      `${kB(row.gzip).padStart(7)} kB  ${row.file.padEnd(44)} ${[...row.tags, row.contents]
        .filter(Boolean)
        .join(' · ')}`,
    )
  console.log('First load (index.html: entry and modulepreloads), gzip:')
  rows.filter((row) => row.firstLoad).forEach(print)
  console.log(`${kB(firstLoadBytes).padStart(7)} kB  first-load JavaScript, budget ${maxKb} kB`)
  console.log(`${kB(css).padStart(7)} kB  CSS (not in the JavaScript budget)`)
  console.log('\nLazy chunks, gzip (loaded only when used):')
  rows.filter((row) => !row.firstLoad).forEach(print)
  const lazyBytes = rows.filter((row) => !row.firstLoad).reduce((sum, row) => sum + row.gzip, 0)
  console.log(`${kB(lazyBytes).padStart(7)} kB  lazy JavaScript in all`)
  console.log('\nWhat each lazy entry adds to the first load when it is used, gzip:')
  for (const item of lazyEntries) {
    console.log(
      `${kB(item.gzip).padStart(7)} kB  ${item.entry.padEnd(52)} ${item.chunks} chunk(s)${
        item.tags.length ? ` · ${item.tags.join(' · ')}` : ''
      }`,
    )
  }
  console.log(
    `\n${over ? 'OVER' : 'met '}  first load ${kB(firstLoadBytes)} kB of ${maxKb} kB of JavaScript (gzip)`,
  )
}
if (over) {
  console.error(`Over budget: the first load must stay under ${maxKb} kB of JavaScript (gzip).`)
  process.exitCode = 1
}
