/**
 * Demo convention: a GitHub Enterprise Server whose host name starts with `hostile.` (e.g.
 * `https://hostile.example.com`) behaves like a compromised server or proxy. Its account lists
 * one repository whose every provider-supplied value is an attack on the page: HTML and script in
 * names, descriptions and commit messages, `javascript:` web and avatar URLs, bidi overrides and
 * control characters, 10,000-character strings. The app must show all of it as inert, legible
 * text. Nothing here reaches github.com or any other host: the regular catalog is untouched.
 */
import type { DemoIdentity, DemoRepository } from './catalog.ts'

export const HOSTILE_HOST_PREFIX = 'hostile.'

/** Each payload that would run sets this flag (and opens an alert): tests check it stays unset. */
export const PWNED = 'window.__pwned=1'
export const HOSTILE_IMG = `<img src=x onerror="${PWNED};alert(1)">`
export const HOSTILE_SCRIPT = `<script>${PWNED};alert(1)</script>`
export const HOSTILE_URL = `javascript:${PWNED};alert(1)`
/** RIGHT-TO-LEFT OVERRIDE: "gnp.exe" after it displays as "exe.png". */
export const RLO = '\u202E'
export const LONG = 'W'.repeat(10_000)

export const hostileRepository: DemoRepository = {
  id: 6_660_001,
  owner: 'octo-demo',
  // No space or slash: the adapter refuses those in a name (see the next repository).
  name: `<marquee>${RLO}gnp.exe`,
  description: `${HOSTILE_SCRIPT} <a href="${HOSTILE_URL}">click</a> ${LONG}`,
  private: false,
  archived: false,
  fork: false,
  defaultBranch: 'main',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-11-20T11:00:00.000Z',
  language: 'TypeScript',
  hostile: true,
}

/** Markup with spaces in its name: listed, but the adapter refuses to address it. */
export const unaddressableRepository: DemoRepository = {
  ...hostileRepository,
  id: 6_660_002,
  name: HOSTILE_IMG,
  description: HOSTILE_SCRIPT,
  updatedAt: '2026-11-19T11:00:00.000Z',
}

export const hostileRepositories: DemoRepository[] = [hostileRepository, unaddressableRepository]

/** Valid git ref names that are markup or carry an override. */
export const hostileBranches = ['main', `feature/<svg/onload=${PWNED}>`, `fix/${RLO}txt.exe`]

export const HOSTILE_COMMIT_COUNT = 3

/** The GitHub account hostile commits are linked to: an HTML login, a `javascript:` avatar. */
export const hostileAccount = {
  login: `<b onmouseover="${PWNED}">mallory</b>`,
  id: 6_660_666,
  type: 'User' as const,
  avatar_url: HOSTILE_URL,
}

export const HOSTILE_EMAIL = 'mallory@hostile.example.com'

/** The head commit carries markup, an override and controls; then a 10,000-character line. */
export function hostileCommit(index: number): { message: string; author: DemoIdentity } {
  if (index === 0) {
    return {
      message: `${HOSTILE_SCRIPT} Rename ${RLO}gnp.exe\u0007\u0000\u001b[31m now\n\n${HOSTILE_IMG}`,
      author: { name: HOSTILE_IMG, email: HOSTILE_EMAIL },
    }
  }
  if (index === 1) {
    return {
      message: `${LONG}\n\n${LONG}`,
      author: { name: LONG, email: `${'m'.repeat(200)}@example.com` },
    }
  }
  return {
    message: `Isolate \u2067שלום\u2069 and \u202Bembedded\u202C text`,
    author: { name: 'דנה כהן', email: 'dana@example.co.il' },
  }
}

/** The simulated GitHub's `/user` on a hostile host: its display name is markup. */
export const hostileUserName = `${HOSTILE_IMG} Mona`

/**
 * Its login carries a right-to-left override: shown raw, "mona-gnp.exe" would read "mona-exe.png"
 * in the connections list, the save toast and the sign-in pages.
 */
export const hostileLogin = `mona-${RLO}gnp.exe`
