/**
 * Playwright globalSetup: the real peers of the Custom Git flows (tests/e2e/custom-git-real.spec.ts),
 * all on 127.0.0.1 and free ports, all in one temp folder that teardown removes:
 * - repositories made with `git` (git-repositories.ts);
 * - `git http-backend` behind nginx + fcgiwrap (git-http-server.ts);
 * - the `@isomorphic-git/cors-proxy` package's own CLI (`cors-proxy run`), told by its documented
 *   INSECURE_HTTP_ORIGINS variable to reach that server over http, and by ALLOW_ORIGIN to allow
 *   the app's origin only (see its README in node_modules);
 * - a build-trigger endpoint (build-receiver.ts).
 * Where each listens reaches the specs through environment variables (`E2E_GIT_*`), which
 * Playwright hands from globalSetup to its workers.
 *
 * Without nginx or fcgiwrap (a machine where `.ci/run` has not run) the flows are skipped with
 * the reason, except in CI, where that is an error.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBuildReceiver, type BuildReceiver } from './build-receiver.ts'
import { makeRepositories } from './git-repositories.ts'
import {
  FCGIWRAP,
  GIT_HTTP_BACKEND,
  NGINX,
  startGitHttpServer,
  type GitHttpServer,
} from './git-http-server.ts'
import { freePort, HOST, startProcess, stopProcess, type Started } from './processes.ts'

const CORS_PROXY_BIN = fileURLToPath(
  new URL('../../node_modules/@isomorphic-git/cors-proxy/bin.js', import.meta.url),
)

export const ENV = {
  git: 'E2E_GIT_URL',
  proxy: 'E2E_GIT_PROXY_URL',
  /** A loopback port where nothing listens: a CORS proxy that is down. */
  downPort: 'E2E_GIT_DOWN_PORT',
  repositories: 'E2E_GIT_REPOSITORIES',
  password: 'E2E_GIT_PASSWORD',
  builds: 'E2E_BUILD_RECEIVER_URL',
  unavailable: 'E2E_GIT_UNAVAILABLE',
} as const

export default async function globalSetup(): Promise<() => Promise<void>> {
  const missing = [NGINX, FCGIWRAP, GIT_HTTP_BACKEND].filter((path) => !existsSync(path))
  if (missing.length > 0) {
    const reason = `${missing.join(', ')} not installed: run .ci/run (or apt-get install nginx fcgiwrap git)`
    if (process.env.CI) throw new Error(reason)
    process.env[ENV.unavailable] = reason
    return () => Promise.resolve()
  }

  const started = Date.now()
  let made: number
  const folder = mkdtempSync(join(tmpdir(), 'git-connector-e2e-'))
  // mkdtemp makes it 0700: a root nginx's workers (nobody) must pass through to the password file.
  chmodSync(folder, 0o755)
  const repositories = join(folder, 'repositories')
  let git: GitHttpServer | undefined
  let proxy: Started | undefined
  let builds: BuildReceiver | undefined
  const teardown = async () => {
    if (proxy) await stopProcess(proxy)
    await git?.stop()
    await builds?.stop()
    rmSync(folder, { recursive: true, force: true })
  }
  try {
    makeRepositories(repositories)
    made = Date.now()
    const password = `pw-${Math.random().toString(36).slice(2)}`
    git = await startGitHttpServer(join(folder, 'nginx'), repositories, password)
    const proxyPort = await freePort()
    const appOrigin = `http://${HOST}:${process.env.E2E_PORT ?? 4173}`
    proxy = await startProcess(
      'cors-proxy',
      process.execPath,
      [CORS_PROXY_BIN, 'run', '--port', String(proxyPort), '--pid', join(folder, 'proxy.pid')],
      proxyPort,
      {
        env: {
          ...process.env,
          ALLOW_ORIGIN: appOrigin,
          INSECURE_HTTP_ORIGINS: new URL(git.url).host,
        },
      },
    )
    builds = await startBuildReceiver()
    Object.assign(process.env, {
      [ENV.git]: git.url,
      [ENV.proxy]: `http://${HOST}:${proxyPort}`,
      [ENV.downPort]: String(await freePort()),
      [ENV.repositories]: repositories,
      [ENV.password]: password,
      [ENV.builds]: builds.url,
    })
  } catch (error) {
    await teardown()
    throw error
  }
  console.log(
    `Real git peers up in ${Date.now() - started} ms (repositories ${made - started} ms): ${git.url}`,
  )
  return teardown
}
