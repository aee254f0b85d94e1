/**
 * The repositories the real git server serves, made with Debian's `git` (`git fast-import`).
 * Dates are fixed, so every object id is the same on every run; the specs still ask
 * `git rev-parse` rather than trust a copied hash.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Names (`<name>.git` under the project root) and what each is for. */
export const REPOSITORIES = {
  /** Branches main, develop, feature/x, release/1.x; annotated tags v1.0.0, v1.1.0; tag `light`. */
  app: 'app',
  /** The same shape, behind nginx `auth_basic`. */
  private: 'private',
  /** `git init --bare` and nothing else. */
  empty: 'empty',
  /** main plus 3,000 lightweight tags v0.0.0 … v2.9.99. */
  manyTags: 'many-tags',
} as const

export const MANY_TAGS = 3_000
const AUTHOR = 'Ada Example <ada@example.com>'
const EPOCH = 1_767_225_600 // 2026-01-01T00:00:00Z

/** A fast-import stream, written the way git-fast-import(1) describes its commands. */
class Stream {
  private parts: string[] = []
  private mark = 0
  private clock = EPOCH

  private data(text: string) {
    this.parts.push(`data ${Buffer.byteLength(text)}\n${text}\n`)
  }

  commit(branch: string, message: string, file: string, from?: number): number {
    this.mark += 1
    this.clock += 60
    this.parts.push(`commit refs/heads/${branch}\nmark :${this.mark}\n`)
    this.parts.push(`committer ${AUTHOR} ${this.clock} +0000\n`)
    this.data(message)
    if (from !== undefined) this.parts.push(`from :${from}\n`)
    this.parts.push(`M 100644 inline ${file}\n`)
    this.data(`${message}\n`)
    return this.mark
  }

  annotatedTag(name: string, commit: number) {
    this.clock += 1
    this.parts.push(`tag ${name}\nfrom :${commit}\ntagger ${AUTHOR} ${this.clock} +0000\n`)
    this.data(`Release ${name}`)
  }

  lightweightTag(name: string, commit: number) {
    this.parts.push(`reset refs/tags/${name}\nfrom :${commit}\n\n`)
  }

  toString() {
    return `${this.parts.join('')}done\n`
  }
}

function bareRepository(root: string, name: string): string {
  const path = join(root, `${name}.git`)
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', path])
  return path
}

function load(path: string, stream: Stream) {
  execFileSync('git', ['-C', path, 'fast-import', '--quiet', '--done'], {
    input: stream.toString(),
  })
  // One packed-refs file instead of thousands of loose ref files: what a served repository has.
  execFileSync('git', ['-C', path, 'pack-refs', '--all'])
}

function appHistory(): Stream {
  const stream = new Stream()
  const first = stream.commit('main', 'Initial commit', 'README.md')
  const second = stream.commit('main', 'Describe the app', 'README.md', first)
  stream.annotatedTag('v1.0.0', first)
  stream.annotatedTag('v1.1.0', second)
  stream.lightweightTag('light', first)
  stream.commit('release/1.x', 'Back-port a fix', 'FIX.md', first)
  stream.commit('develop', 'Start the next feature', 'NEXT.md', second)
  stream.commit('feature/x', 'Try feature x', 'X.md', second)
  return stream
}

/**
 * main plus MANY_TAGS lightweight tags, written as one packed-refs file (gitrepository-layout(5)):
 * thousands of loose refs or tag objects would cost seconds of disk time on a busy machine.
 */
function makeManyTags(path: string) {
  const stream = new Stream()
  stream.commit('main', 'One commit, many releases', 'README.md')
  load(path, stream)
  const commit = execFileSync('git', ['-C', path, 'rev-parse', 'main'], { encoding: 'utf8' }).trim()
  const lines = ['# pack-refs with: peeled fully-peeled sorted ', `${commit} refs/heads/main`]
  for (let index = 0; index < MANY_TAGS; index += 1) {
    const major = Math.floor(index / 1000)
    const minor = Math.floor(index / 100) % 10
    lines.push(`${commit} refs/tags/v${major}.${minor}.${index % 100}`)
  }
  // Sorted by ref name, as the `sorted` trait promises git.
  const [header, ...refs] = lines
  refs.sort((a, b) => (a.split(' ')[1]! < b.split(' ')[1]! ? -1 : 1))
  writeFileSync(join(path, 'packed-refs'), `${[header, ...refs].join('\n')}\n`)
}

/** Makes every repository under `root` (a fresh folder). */
export function makeRepositories(root: string): void {
  mkdirSync(root, { recursive: true })
  load(bareRepository(root, REPOSITORIES.app), appHistory())
  load(bareRepository(root, REPOSITORIES.private), appHistory())
  bareRepository(root, REPOSITORIES.empty)
  makeManyTags(bareRepository(root, REPOSITORIES.manyTags))
}

/** The commit a ref of a repository under `root` points at, peeled. */
export function revParse(root: string, name: string, ref: string): string {
  return execFileSync('git', ['-C', join(root, `${name}.git`), 'rev-parse', `${ref}^{commit}`], {
    encoding: 'utf8',
  }).trim()
}
