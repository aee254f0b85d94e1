/**
 * Demo mode runs the app against simulated providers. `/?demo` turns it on for this browser tab
 * (sessionStorage, so a reload or in-app navigation keeps it); `/?demo=off` turns it off, and
 * `/?demo=seed` also fills an empty demo with sample connections. The flag is not a secret. Demo
 * data lives in its own database so real connections are never touched.
 */
const FLAG = 'git-connector:demo'

export function detectDemoMode(location: Location, storage: Storage): boolean {
  const param = new URLSearchParams(location.search).get('demo')
  if (param === 'off') {
    storage.removeItem(FLAG)
    return false
  }
  if (param !== null) storage.setItem(FLAG, '1')
  return storage.getItem(FLAG) === '1'
}

/** Whether this start asked for sample connections (the empty page's "Try the demo"). */
export function wantsDemoSeed(location: Location): boolean {
  return new URLSearchParams(location.search).get('demo') === 'seed'
}

export function databaseNameFor(demo: boolean): string {
  return demo ? 'git-connector-demo' : 'git-connector'
}
