import { describe, expect, it } from 'vitest'
import { tagMatcher, tagPatternProblem } from './tag-pattern.ts'

describe('tag patterns', () => {
  it('matches every tag without a pattern', () => {
    expect(tagMatcher(null)('anything/at-all')).toBe(true)
  })

  it('matches globs the way a release pattern reads', () => {
    const v = tagMatcher('v*')
    expect(v('v1.2.0')).toBe(true)
    expect(v('1.2.0')).toBe(false)
    expect(v('release/v1')).toBe(false)
    const nested = tagMatcher('release/*')
    expect(nested('release/2026.11')).toBe(true)
    expect(nested('release/2026/11')).toBe(false)
    expect(tagMatcher('v[0-9]*')('v2.0.0')).toBe(true)
    expect(tagMatcher('v[0-9]*')('vnext')).toBe(false)
    expect(tagMatcher('{v,release-}*')('release-4')).toBe(true)
  })

  it('explains a pattern it cannot use', () => {
    expect(tagPatternProblem('v*')).toBeNull()
    expect(tagPatternProblem(' v*')).toMatch(/spaces/)
    expect(tagPatternProblem('v'.repeat(201))).toMatch(/200/)
  })
})
