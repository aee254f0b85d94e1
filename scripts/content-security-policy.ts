import type { Plugin } from 'vite'

/**
 * The built app's Content-Security-Policy: a `<meta http-equiv>` in index.html (and 404.html, a
 * copy of it), so it holds on any static host, and the same policy as a header in `_headers` for the
 * hosts that read that file, where it can also forbid framing (a meta policy cannot).
 *
 * Why each directive is what it is:
 * - script-src 'self': the page has no inline script and nothing evaluates strings. Vite's
 *   modulepreload polyfill is bundled into the entry chunk, not inlined; there is no colour-scheme
 *   script; demo mode's MSW is a bundled chunk plus public/mockServiceWorker.js. zod's compiled
 *   parsers (which probe `new Function`) are turned off at build time: see zodWithoutEval().
 * - style-src 'self' 'unsafe-inline', style-src-attr 'none': run under `style-src 'self'`, the app
 *   is refused only `<style>` elements: MantineProvider's CSS variables and the scroll lock of
 *   modals and drawers (react-remove-scroll). Their contents are computed in the browser (from the
 *   theme, from the scrollbar's width), so no build-time hash can name them, and a nonce needs a
 *   server to mint one per response (a fixed one would be public, so no protection). Style attributes are never needed: React and Mantine set styles through the CSSOM,
 *   which CSP does not govern, so markup cannot bring its own. Browsers without style-src-attr
 *   fall back to style-src and still work. Inline CSS runs no script; what it could still do (read
 *   attribute values and load an image) needs markup injected first, which React's escaping stops.
 * - img-src 'self' data: https: http: — avatars come from whatever host a provider names (GitHub's
 *   CDN, Gravatar, a self-managed GitLab), and demo mode draws its avatars as data: SVGs
 *   (src/lib/safe-url.ts lets only data:image/* through). http: for the same reason as below.
 * - connect-src 'self' https: http: — the fixed cloud APIs could be listed, but a person types the
 *   base URL of GitHub Enterprise Server, GitLab self-managed, Azure DevOps Server, a Custom Git
 *   remote or its CORS proxy, and config.json (changed on the CDN without a rebuild) names the
 *   token-exchange and build-trigger URLs: none is known at build time. The connection form accepts
 *   http:// servers (with a warning) for trusted networks, so http: stays. It adds no reach on an
 *   https deployment: browsers block http fetches from an https page as mixed content (except to
 *   the loopback address, which the form also allows). A deployer who knows the hosts sets
 *   CSP_CONNECT_SRC at build time; the open part is then replaced by that list.
 * - worker-src 'self': demo mode registers the MSW service worker from the app's own origin.
 * - manifest-src, font-src 'self': the web app manifest and no font at all (system fonts only).
 * - base-uri, form-action 'self': no form posts anywhere (every form is handled by script), and
 *   sign-in navigates the window or a popup to the provider, which CSP does not govern.
 * - default-src, object-src, frame-src 'none': nothing is framed or embedded.
 */

type Directives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>

/** The cloud APIs the adapters call (src/providers/**) and GitLab's token endpoint (gitlab.com). */
export const FIXED_API_ORIGINS = [
  'https://api.github.com',
  'https://gitlab.com',
  'https://api.bitbucket.org',
  'https://dev.azure.com',
] as const

/**
 * Demo mode's simulated deployment services (mocks/demo-endpoints.ts, mocks/oauth): `.test` is
 * reserved (RFC 6761) and never resolves, so listing it opens nothing, and demo mode keeps its
 * build triggers and sign-in under a narrowed policy.
 */
const DEMO_ORIGINS = ['https://*.git-connector.test'] as const

/** What connect-src allows beyond the fixed APIs when the deployer names no hosts. */
const OPEN_CONNECT_SRC = ['https:', 'http:'] as const

/** Directives a `<meta>` policy ignores: they are sent as a header only. */
const HEADER_ONLY: Directives = [['frame-ancestors', ["'none'"]]]

/**
 * One CSP_CONNECT_SRC entry: an http(s) origin, optionally with a `*.` host wildcard, a port and a
 * path. Scheme-only sources, `*` and keywords are refused: they would reopen what the list narrows.
 */
const HOST_SOURCE =
  /^https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?(?:\/[\w.~%/-]*)?$/i

/**
 * The deployer's list (whitespace- or comma-separated), or null when none is set.
 * @throws Error naming the first entry that is not an http(s) host source.
 */
export function parseConnectSrc(value: string | undefined): string[] | null {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean)
  if (entries.length === 0) return null
  const bad = entries.find((entry) => !HOST_SOURCE.test(entry))
  if (bad !== undefined) {
    throw new Error(
      `CSP_CONNECT_SRC: "${bad}" is not a host source. List origins like https://git.example.com or https://*.example.com, separated by spaces.`,
    )
  }
  return entries
}

export interface PolicyOptions {
  /** Hosts that replace `https: http:` in connect-src (CSP_CONNECT_SRC), or null for the open part. */
  connectSrc: readonly string[] | null
}

/** The policy a `<meta>` element can carry. */
export function metaDirectives({ connectSrc }: PolicyOptions): Directives {
  const connect = connectSrc
    ? [...FIXED_API_ORIGINS, ...DEMO_ORIGINS, ...connectSrc]
    : [...OPEN_CONNECT_SRC]
  return [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['style-src-attr', ["'none'"]],
    ['img-src', ["'self'", 'data:', 'https:', 'http:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...connect]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ]
}

export function serialize(directives: Directives): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ')
}

export function metaPolicy(options: PolicyOptions): string {
  return serialize(metaDirectives(options))
}

export function headerPolicy(options: PolicyOptions): string {
  return serialize([...metaDirectives(options), ...HEADER_ONLY])
}

/** The options this build runs with, from the environment. */
export function policyOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): PolicyOptions {
  return { connectSrc: parseConnectSrc(env.CSP_CONNECT_SRC) }
}

/**
 * The page with its policy as the first element after `<meta charset>`: a meta policy governs only
 * what comes after it, so it must precede every script, stylesheet and link.
 * @throws Error when the page has no `<meta charset>` or already carries a policy.
 */
export function withPolicyMeta(html: string, policy: string): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) {
    throw new Error('index.html already has a Content-Security-Policy meta element.')
  }
  const charset = /<meta\s+charset=[^>]*>/i.exec(html)
  if (!charset) throw new Error('index.html has no <meta charset>: the policy has nowhere to go.')
  const end = charset.index + charset[0].length
  const indent = /\n([ \t]*)<meta\s+charset/i.exec(html)?.[1] ?? ''
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`
  return `${html.slice(0, end)}\n${indent}${meta}${html.slice(end)}`
}

/**
 * The `_headers` rule (Netlify, Cloudflare Pages) that sends the policy with every path: deep links
 * are index.html through the host's fallback. Demo mode's service worker gets it too, as its own
 * policy, and its pass-through fetches need no more than the page's connect-src.
 */
export function policyHeaderRule(base: string, options: PolicyOptions): string {
  return `${base}*\n  Content-Security-Policy: ${headerPolicy(options)}`
}

/**
 * The policy, in index.html and (through staticHostFiles in vite.config.ts) in `_headers`. Only in
 * builds: the dev server injects inline scripts (React refresh) and talks to Vite over a websocket.
 */
export function contentSecurityPolicy(options: PolicyOptions = policyOptionsFromEnv()): Plugin[] {
  const policy = metaPolicy(options)
  return [
    {
      name: 'git-connector:content-security-policy',
      apply: 'build',
      transformIndexHtml: { order: 'post', handler: (html) => withPolicyMeta(html, policy) },
    },
    zodWithoutEval(),
  ]
}

/**
 * zod compiles a fast parser for each object schema with `new Function` when it can, and finds out
 * whether it can by trying it once. Under script-src without 'unsafe-eval' the try fails quietly,
 * but the browser still reports it as a policy violation (a console error, a
 * `securitypolicyviolation` event). zod's `jitless` setting skips both the try and the compiled
 * parsers; it has to be in place before the first schema is built, which no import order in the app
 * can promise once the bundler has split chunks, so the build sets it where zod creates its config.
 */
function zodWithoutEval(): Plugin {
  const from = '(_a.__zod_globalConfig = {})'
  const to = '(_a.__zod_globalConfig = { jitless: true })'
  let done = false
  return {
    name: 'git-connector:zod-without-eval',
    apply: 'build',
    transform(code, id) {
      if (!/\/node_modules\/zod\/v4\/core\/core\.js$/.test(id)) return null
      if (!code.includes(from)) {
        this.error('zod no longer creates its global config as expected: set jitless another way.')
      }
      done = true
      return { code: code.replace(from, to), map: null }
    },
    buildEnd(error) {
      if (!error && !done) this.error('zod/v4/core/core.js was not in the build: jitless is unset.')
    },
  }
}
