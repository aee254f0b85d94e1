import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  FIXED_API_ORIGINS,
  headerPolicy,
  metaPolicy,
  parseConnectSrc,
  policyHeaderRule,
  withPolicyMeta,
} from '../../scripts/content-security-policy.ts'

/** The policy as a map of directive to its sources, in order. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

const open = { connectSrc: null }

describe('the policy', () => {
  it('is strict: no inline script, no eval, nothing embedded, nothing from elsewhere', () => {
    expect(metaPolicy(open)).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "style-src-attr 'none'; img-src 'self' data: https: http:; font-src 'self'; " +
        "connect-src 'self' https: http:; worker-src 'self'; manifest-src 'self'; " +
        "frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
    )
    const policy = directives(metaPolicy(open))
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(metaPolicy(open)).not.toMatch(/unsafe-eval|strict-dynamic|\*/)
  })

  it('as a header also forbids framing, which a <meta> policy cannot', () => {
    expect(headerPolicy(open)).toBe(`${metaPolicy(open)}; frame-ancestors 'none'`)
    expect(metaPolicy(open)).not.toContain('frame-ancestors')
    expect(policyHeaderRule('/tools/git/', open)).toBe(
      `/tools/git/*\n  Content-Security-Policy: ${headerPolicy(open)}`,
    )
  })

  it('narrows connect-src to the cloud APIs and the deployer’s hosts when they are listed', () => {
    const listed = parseConnectSrc('https://git.corp.example, https://*.corp.example:8443')
    const connect = directives(metaPolicy({ connectSrc: listed })).get('connect-src')
    expect(connect).toEqual([
      "'self'",
      ...FIXED_API_ORIGINS,
      'https://*.git-connector.test',
      'https://git.corp.example',
      'https://*.corp.example:8443',
    ])
    expect(connect).not.toContain('https:')
    expect(connect).not.toContain('http:')
  })
})

describe('CSP_CONNECT_SRC', () => {
  it('is unset, empty or blank: the open part stays', () => {
    expect(parseConnectSrc(undefined)).toBeNull()
    expect(parseConnectSrc('  ')).toBeNull()
  })

  it('takes origins with wildcards, ports and paths', () => {
    expect(
      parseConnectSrc('https://a.example\nhttp://localhost:8080 https://*.b.example/api/'),
    ).toEqual(['https://a.example', 'http://localhost:8080', 'https://*.b.example/api/'])
  })

  it.each([
    ['*'],
    ['https:'],
    ["'unsafe-inline'"],
    ['a.example'],
    ['wss://a.example'],
    ['https://a.example;script-src'],
    ['https://a.example"><script>'],
  ])('refuses %s, naming it', (entry) => {
    expect(() => parseConnectSrc(`https://ok.example ${entry}`)).toThrow(
      `CSP_CONNECT_SRC: "${entry}" is not a host source`,
    )
  })
})

describe('withPolicyMeta', () => {
  const source = readFileSync(new URL('../../index.html', import.meta.url), 'utf8')

  it('puts the policy right after <meta charset>, before every script and link', () => {
    const built = source.replace(
      '</head>',
      '<script type="module" crossorigin src="/assets/index-abc.js"></script>\n</head>',
    )
    const html = withPolicyMeta(built, metaPolicy(open))
    const meta = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(open)}" />`
    expect(html).toContain(`<meta charset="UTF-8" />\n    ${meta}\n`)
    expect(html.indexOf(meta)).toBeLessThan(html.search(/<(script|link|style)\b/))
    expect(html.replace(`\n    ${meta}`, '')).toBe(built)
  })

  it('refuses a page without <meta charset>, or one that already has a policy', () => {
    expect(() => withPolicyMeta('<html><head></head></html>', 'x')).toThrow('no <meta charset>')
    const once = withPolicyMeta(source, metaPolicy(open))
    expect(() => withPolicyMeta(once, metaPolicy(open))).toThrow('already has')
  })

  it('has nothing inline to allow in the page it is given', () => {
    expect(source).not.toMatch(/<script\b[^>]*>\s*[^<\s]/i)
    expect(source).not.toMatch(/<[^>]+\son[a-z]+\s*=/i)
    expect(source).not.toMatch(/<style\b/i)
    expect(source).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i)
  })
})
