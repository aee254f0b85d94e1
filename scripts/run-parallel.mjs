// Runs several npm scripts at once and fails when any fails. The static checks (lint, typecheck,
// format) are each one long single-threaded process: on a 2-core machine, running them side by
// side takes about as long as the slowest alone. Each script's output is printed whole when it
// ends, so the log reads as if they had run one after the other.
// Usage: node scripts/run-parallel.mjs lint typecheck format:check
import { spawn } from 'node:child_process'

const names = process.argv.slice(2)

function run(name) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      process.stdout.write(
        `\n> npm run ${name} (${code === 0 ? 'ok' : `failed, exit ${code}`}, ${seconds} s)\n${output}`,
      )
      resolve(code === 0)
    })
  })
}

const results = await Promise.all(names.map(run))
if (results.some((ok) => !ok)) process.exit(1)
