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

type Message =
  | { type: 'callback'; search: string }
  | { type: 'ack'; state: string }
  /** The callback page finished the sign-in itself (no tab claimed it in time). */
  | { type: 'finished'; state: string; connectionId: string }

/** Waits this long for the starting tab to claim the answer (a busy machine can be slow). */
const ACK_TIMEOUT_MS = 5_000

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

/** What reaches the starting tab: the provider's answer, or word that it was already used. */
export type Relayed =
  { kind: 'callback'; params: URLSearchParams } | { kind: 'finished'; connectionId: string }

/**
 * Listens for the sign-in with this state: its callback is acknowledged and handed on; word that
 * the callback page finished it itself is handed on too. Returns the function that stops.
 */
export function awaitCallback(state: string, receive: (relayed: Relayed) => void) {
  const channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data
    if (message.type === 'finished' && message.state === state) {
      channel.close()
      receive({ kind: 'finished', connectionId: message.connectionId })
      return
    }
    if (message.type !== 'callback') return
    const params = new URLSearchParams(message.search)
    if (params.get('state') !== state) return
    channel.postMessage({ type: 'ack', state } satisfies Message)
    channel.close()
    receive({ kind: 'callback', params })
  }
  return () => channel.close()
}

/** Tells the starting tab, if it still listens, that the sign-in ended in the callback page. */
export function announceFinished(state: string, connectionId: string): void {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(CHANNEL)
  channel.postMessage({ type: 'finished', state, connectionId } satisfies Message)
  channel.close()
}
