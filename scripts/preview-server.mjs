// Serves a build folder with `vite preview` for the measurement scripts, and stops it again.
import { spawn } from 'node:child_process'

/** Starts `vite preview` on 127.0.0.1:port; resolves once it answers. */
export async function startPreview({ port, dist }) {
  const base = `http://127.0.0.1:${port}`
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      dist,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  )
  const stop = () => {
    try {
      // The whole group: npx, sh and node.
      process.kill(-server.pid)
    } catch {
      /* already gone */
    }
  }
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return { base, stop }
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stop()
  throw new Error(`vite preview did not start on ${base}`)
}
