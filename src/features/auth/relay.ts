/**
 * How the callback page, in the popup, hands the provider's answer to the tab that started the
 * sign-in. A BroadcastChannel rather than `window.opener.postMessage`: the provider's pages may
 * cut the popup off from its opener (Cross-Origin-Opener-Policy), while a same-origin channel
 * always reaches the app's other pages. The starting tab acknowledges a state it knows, so the
 * callback page can tell "handed over" from "nobody started this".
 *
 * The channel carries the code and state only, never a token; the code is useless without the
 * PKCE verifier, which stays in the starting tab.
 */
const CHANNEL = 'git-connector:sign-in'

type Message = { type: 'callback'; search: string } | { type: 'ack'; state: string }

/** Waits this long for the starting tab to claim the answer. */
const ACK_TIMEOUT_MS = 2_000

/** Hands a callback's query to the tab that started it; false when no tab claimed it. */
export function relayCallback(search: string, timeoutMs = ACK_TIMEOUT_MS): Promise<boolean> {
  const state = new URLSearchParams(search).get('state')
  if (!state || typeof BroadcastChannel === 'undefined') return Promise.resolve(false)
  const channel = new BroadcastChannel(CHANNEL)
  return new Promise((resolve) => {
    const done = (claimed: boolean) => {
      clearTimeout(timer)
      channel.close()
      resolve(claimed)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    channel.onmessage = (event: MessageEvent<Message>) => {
      if (event.data.type === 'ack' && event.data.state === state) done(true)
    }
    channel.postMessage({ type: 'callback', search } satisfies Message)
  })
}

/**
 * Listens for callbacks of the sign-in with this state; the first one is acknowledged and handed
 * to `receive`. Returns the function that stops listening.
 */
export function awaitCallback(state: string, receive: (params: URLSearchParams) => void) {
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = (event: MessageEvent<Message>) => {
    if (event.data.type !== 'callback') return
    const params = new URLSearchParams(event.data.search)
    if (params.get('state') !== state) return
    channel.postMessage({ type: 'ack', state } satisfies Message)
    channel.close()
    receive(params)
  }
  return () => channel.close()
}
