// Sums the gzip size of the JavaScript that index.html loads before anything lazy (its entry
// script and every modulepreload) and fails when it is over the budget of DESIGN.md.
// Usage: node scripts/first-load-size.mjs [dist] [--max kB]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const args = process.argv.slice(2)
const maxIndex = args.indexOf('--max')
const maxKb = maxIndex === -1 ? 200 : Number(args[maxIndex + 1])
const dist = args.find((arg, index) => !arg.startsWith('--') && index !== maxIndex + 1) ?? 'dist'
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const files = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1])
let total = 0
for (const file of files) {
  const path = join(dist, file.replace(/^.*?assets\//, 'assets/'))
  const size = gzipSync(readFileSync(path), { level: 9 }).length
  total += size
  console.log(`${(size / 1024).toFixed(1).padStart(7)} kB  ${file}`)
}
console.log(`${(total / 1024).toFixed(1).padStart(7)} kB  first-load JavaScript (gzip)`)
if (total / 1024 > maxKb) {
  console.error(`Over budget: the first load must stay under ${maxKb} kB of JavaScript (gzip).`)
  process.exit(1)
}
