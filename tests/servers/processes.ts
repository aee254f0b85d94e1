/**
 * Starting and stopping the test servers' processes: a free loopback port, a child that is
 * stopped by its own pid (never by name: other checkouts run the same servers on this machine),
 * and a wait until its port answers.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { createServer, connect } from 'node:net'

export const HOST = '127.0.0.1'

/** A port nothing listens on right now; the kernel picks it, so parallel runs do not collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export interface Started {
  name: string
  child: ChildProcess
  /** What the process wrote, for the error when it does not come up. */
  output: () => string
}

export async function startProcess(
  name: string,
  command: string,
  args: string[],
  port: number,
  options: SpawnOptions = {},
): Promise<Started> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  // Set by the child's events while the loop below waits.
  const state: { exited: string | null } = { exited: null }
  child.once('exit', (code, signal) => (state.exited = `exited (${signal ?? code ?? '?'})`))
  child.once('error', (error) => (state.exited = error.message))
  const started = { name, child, output: () => output }
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (state.exited !== null) {
      throw new Error(`${name} ${state.exited} before it listened:\n${output}`)
    }
    if (await accepts(port)) return started
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await stopProcess(started)
  throw new Error(`${name} did not listen on ${HOST}:${port} within 10 s:\n${output}`)
}

/** SIGTERM to this child only, then SIGKILL if it lingers. */
export async function stopProcess({ child }: Started): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
  await gone
  clearTimeout(timer)
}
