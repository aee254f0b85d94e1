import { describe, expect, it } from 'vitest'
import { safeImageUrl, safeLinkUrl } from './safe-url.ts'

const hostile = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript&colon;alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'blob:https://example.com/0a1b',
  '//evil.example.com/x',
  '/relative/path',
  'not a url',
  '',
]

describe('safeLinkUrl', () => {
  it('keeps absolute http and https URLs', () => {
    expect(safeLinkUrl('https://github.com/octo-demo/git-connector')).toBe(
      'https://github.com/octo-demo/git-connector',
    )
    expect(safeLinkUrl('http://git.example.com/a/b/commit/abc')).toBe(
      'http://git.example.com/a/b/commit/abc',
    )
    expect(safeLinkUrl('HTTPS://GitHub.com/a')).toBe('HTTPS://GitHub.com/a')
  })

  it.each(hostile)('refuses %j', (value) => {
    expect(safeLinkUrl(value)).toBeNull()
  })

  it('refuses nothing at all', () => {
    expect(safeLinkUrl(null)).toBeNull()
    expect(safeLinkUrl(undefined)).toBeNull()
  })

  it('refuses data: images as links', () => {
    expect(safeLinkUrl('data:image/png;base64,iVBORw0KGgo=')).toBeNull()
  })
})

describe('safeImageUrl', () => {
  it('keeps http(s) and data: images, including the demo avatars (SVG)', () => {
    expect(safeImageUrl('https://avatars.githubusercontent.com/u/1?v=4')).toBe(
      'https://avatars.githubusercontent.com/u/1?v=4',
    )
    expect(safeImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    )
    expect(safeImageUrl('data:image/svg+xml,%3Csvg%2F%3E')).toBe('data:image/svg+xml,%3Csvg%2F%3E')
  })

  it.each(hostile)('refuses %j', (value) => {
    expect(safeImageUrl(value)).toBeNull()
  })

  it('refuses data: URLs that are not images', () => {
    expect(safeImageUrl('data:application/javascript,alert(1)')).toBeNull()
    expect(safeImageUrl('data:image/svg+xml-evil,x')).toBeNull()
  })
})
