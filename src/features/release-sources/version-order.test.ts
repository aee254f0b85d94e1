import { describe, expect, it } from 'vitest'
import { compareVersions } from './version-order.ts'

const newestFirst = (names: string[]) => [...names].sort((a, b) => compareVersions(b, a))

describe('compareVersions', () => {
  it('orders numbers as numbers, not letters (v0.49.0 above v0.9.99)', () => {
    expect(newestFirst(['v0.9.99', 'v0.49.0', 'v0.49.10', 'v0.49.9', 'v0.0.26'])).toEqual([
      'v0.49.10',
      'v0.49.9',
      'v0.49.0',
      'v0.9.99',
      'v0.0.26',
    ])
  })

  it('puts a release above its pre-releases, and pre-releases in semver order', () => {
    expect(
      newestFirst(['v1.0.0-rc.2', 'v1.0.0', 'v1.0.0-rc.10', 'v1.0.0-alpha', 'v1.0.0-alpha.1']),
    ).toEqual(['v1.0.0', 'v1.0.0-rc.10', 'v1.0.0-rc.2', 'v1.0.0-alpha.1', 'v1.0.0-alpha'])
  })

  it('compares the numbers before build metadata, a missing part as zero', () => {
    expect(compareVersions('1.3', '1.2.9')).toBeGreaterThan(0)
    expect(compareVersions('1.2.4+build.9', '1.2.3+build.10')).toBeGreaterThan(0)
  })

  it('falls back to a numeric-aware name order across prefixes and non-versions', () => {
    expect(compareVersions('release/2', 'release/10')).toBeLessThan(0)
    expect(compareVersions('nightly', 'v1.0.0')).toBeLessThan(0)
  })
})
