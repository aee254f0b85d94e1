// `npm start`'s server: the build on 127.0.0.1, on PORT (4173 unless set) or, when something else
// holds it, the next free port, saying so; a taken port should not end the first command of the
// README with a bare "Port 4173 is in use".
import { spawn } from 'node:child_process'
import net from 'node:net'

const wanted = Number(process.env.PORT ?? 4173)
const TRIES = 20

function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

let port = null
for (let candidate = wanted; candidate < wanted + TRIES; candidate++) {
  if (await isFree(candidate)) {
    port = candidate
    break
  }
}
if (port === null) {
  console.error(
    `Ports ${wanted}–${wanted + TRIES - 1} on 127.0.0.1 are all taken. Stop what holds them, or choose another: PORT=8080 npm start`,
  )
  process.exit(1)
}
if (port !== wanted) {
  console.log(`Port ${wanted} is taken, so the app is served on ${port} (PORT=… chooses one).`)
}
console.log(`Open http://127.0.0.1:${port}/ (or http://127.0.0.1:${port}/?demo to try it offline).`)

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
