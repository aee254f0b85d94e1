// The benchmark command (`npm run bench`, after a build): the repository-browsing benchmark, then
// Lighthouse, one after the other so that neither slows the other. Both always run; the command
// fails when either missed its targets. BENCH_DIST picks the build folder (default dist).
import { spawnSync } from 'node:child_process'

const scripts = ['scripts/bench-repositories.mjs', 'scripts/lighthouse.mjs']
const failed = []
for (const script of scripts) {
  console.log(`\n> node ${script}`)
  const { status } = spawnSync(process.execPath, [script], { stdio: 'inherit' })
  if (status !== 0) failed.push(script)
}
if (failed.length > 0) {
  console.error(`\nMissed targets: ${failed.join(', ')}`)
  process.exitCode = 1
}
