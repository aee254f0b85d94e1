/**
 * Version order for tag names, for the tags a provider gives no date for (GitHub's tag list, Azure
 * DevOps refs, a plain git remote). Semantic Versioning 2.0.0's precedence (https://semver.org/
 * §11) where both names are `<prefix><numbers>[-pre-release][+build]` with the same prefix
 * (`v1.10.0` above `v1.9.0`, `v1.0.0` above `v1.0.0-rc.10` above `v1.0.0-rc.2`), and a
 * numeric-aware name order otherwise. Ref order is plain alphabetical, which puts
 * v0.9.99 above v0.49.0.
 */

const names = new Intl.Collator('en', { numeric: true })

interface Parsed {
  prefix: string
  core: number[]
  /** Pre-release identifiers; empty for a release. */
  pre: string[]
}

const VERSION =
  /^(.*?)(\d+(?:\.\d+)*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/

function parse(name: string): Parsed | null {
  const match = VERSION.exec(name)
  if (!match) return null
  const [, prefix = '', core = '', pre] = match
  // The prefix must not end in a digit, or `v12` would split as `v1` + `2`.
  if (/\d$/.test(prefix)) return null
  return {
    prefix: prefix.toLowerCase(),
    core: core.split('.').map(Number),
    pre: pre ? pre.split('.') : [],
  }
}

function compareIdentifiers(a: string, b: string): number {
  const numericA = /^\d+$/.test(a)
  const numericB = /^\d+$/.test(b)
  if (numericA && numericB) return Number(a) - Number(b)
  // Numeric identifiers have lower precedence than alphanumeric ones (semver §11.4.3).
  if (numericA) return -1
  if (numericB) return 1
  return a < b ? -1 : a > b ? 1 : 0
}

function comparePre(a: string[], b: string[]): number {
  // A release is above its own pre-releases (semver §11.3).
  if (a.length === 0 || b.length === 0) return b.length - a.length
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = compareIdentifiers(a[i] ?? '', b[i] ?? '')
    if (difference !== 0) return difference
  }
  return a.length - b.length
}

/** Negative when `a` is the older version, positive when it is the newer, 0 when equal. */
export function compareVersions(a: string, b: string): number {
  const left = parse(a)
  const right = parse(b)
  if (left && right && left.prefix === right.prefix) {
    for (let i = 0; i < Math.max(left.core.length, right.core.length); i++) {
      const difference = (left.core[i] ?? 0) - (right.core[i] ?? 0)
      if (difference !== 0) return Math.sign(difference)
    }
    const pre = comparePre(left.pre, right.pre)
    if (pre !== 0) return Math.sign(pre)
  }
  return names.compare(a, b)
}
