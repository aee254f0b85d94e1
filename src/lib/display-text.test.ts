import { describe, expect, it } from 'vitest'
import { clip, displayText, initialsOf, revealHidden } from './display-text.ts'

describe('revealHidden', () => {
  it('shows bidi overrides, embeddings and isolates as escapes', () => {
    // "gnp.exe" displayed reversed would read "exe.png": escaped, it reads as sent.
    expect(revealHidden('invoice\u202Egnp.exe')).toBe('invoice\\u202Egnp.exe')
    expect(revealHidden('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C')).toBe(
      '\\u202A\\u202B\\u202C\\u202D\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C',
    )
  })

  it('shows control and invisible characters as escapes', () => {
    expect(revealHidden('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe(
      'a\\u0000b\\u0007c\\u001Bd\\u007Fe\\u0085f',
    )
    expect(revealHidden('first\nsecond\r')).toBe('first\\u000Asecond\\u000D')
    expect(revealHidden('octo\u200Bdemo\uFEFF\u2060\u00AD\u2028\u2029')).toBe(
      'octo\\u200Bdemo\\uFEFF\\u2060\\u00AD\\u2028\\u2029',
    )
  })

  it('leaves ordinary text alone: HTML-looking text, tabs, accents, RTL scripts, emoji', () => {
    for (const text of [
      '<img src=x onerror=alert(1)>',
      'a\tb',
      'Zoë Ångström',
      'שלום עולם',
      'مرحبا',
      '👨\u200D👩\u200D👧 family',
      'می\u200Cخواهم',
    ]) {
      expect(revealHidden(text)).toBe(text)
    }
  })
})

describe('clip', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short')
    expect(clip('x'.repeat(10_000), 300)).toBe(`${'x'.repeat(300)}…`)
  })

  it('never cuts a surrogate pair in half', () => {
    expect(clip('ab😀cd', 3)).toBe('ab…')
  })
})

describe('displayText', () => {
  it('escapes, clips and keeps the whole escaped text', () => {
    const long = `\u202E${'y'.repeat(9_999)}`
    const shown = displayText(long)
    expect(shown.clipped).toBe(true)
    expect(shown.text).toHaveLength(301)
    expect(shown.text.startsWith('\\u202Eyyy')).toBe(true)
    expect(shown.full).toBe(`\\u202E${'y'.repeat(9_999)}`)
  })

  it('leaves a short plain value as it is', () => {
    expect(displayText('octo-demo/git-connector')).toEqual({
      text: 'octo-demo/git-connector',
      full: 'octo-demo/git-connector',
      clipped: false,
    })
  })
})

describe('initialsOf', () => {
  it('takes two letters, leaving hidden characters out', () => {
    expect(initialsOf('Mona Demo')).toBe('MO')
    expect(initialsOf('\u202E\u0000ab')).toBe('AB')
    expect(initialsOf('😀x')).toBe('😀X')
  })
})
