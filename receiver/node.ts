/**
 * The receiver on Node 20: settings from the environment, the JSON file storage, and a thin
 * node:http adapter around the fetch handler. Listens on 127.0.0.1 unless RECEIVER_HOST says
 * otherwise.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { Readable } from 'node:stream'
import { fileStorage } from './file-storage.ts'
import { createReceiver } from './handler.ts'
import type { ReceiverSettings } from './types.ts'

export function settingsFromEnv(env: NodeJS.ProcessEnv): ReceiverSettings {
  const buildEndpoint = env.RECEIVER_BUILD_ENDPOINT
  if (!buildEndpoint) throw new Error('Set RECEIVER_BUILD_ENDPOINT: where builds are POSTed.')
  return {
    buildEndpoint,
    allow: (env.RECEIVER_ALLOW ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    appOrigin: env.RECEIVER_APP_ORIGIN ?? null,
    publicUrl: env.RECEIVER_PUBLIC_URL ?? null,
    maxBodyBytes: Number(env.RECEIVER_MAX_BODY_BYTES ?? 1_048_576),
  }
}

function toRequest(message: IncomingMessage, origin: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  const hasBody = message.method !== 'GET' && message.method !== 'HEAD'
  return new Request(new URL(message.url ?? '/', origin), {
    method: message.method ?? 'GET',
    headers,
    body: hasBody ? (Readable.toWeb(message) as ReadableStream<Uint8Array>) : null,
    // @ts-expect-error Node's fetch needs `duplex` for a streamed body; DOM types lack it.
    duplex: 'half',
  })
}

export function serve(
  handle: (request: Request) => Promise<Response>,
  port: number,
  host = '127.0.0.1',
): Promise<Server> {
  const server = createServer((message, reply) => {
    void (async () => {
      try {
        const response = await handle(toRequest(message, `http://${host}:${String(port)}`))
        reply.writeHead(response.status, Object.fromEntries(response.headers))
        reply.end(Buffer.from(await response.arrayBuffer()))
      } catch {
        reply.writeHead(500, { 'content-type': 'application/json' })
        reply.end(JSON.stringify({ version: 1, error: 'The receiver failed; see its log.' }))
      }
      // A refused body left unread is dropped with the socket.
      if (!message.complete) message.destroy()
    })()
  })
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)))
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<Server> {
  const settings = settingsFromEnv(env)
  const storage = await fileStorage(env.RECEIVER_STORAGE ?? 'receiver-state.json')
  const port = Number(env.RECEIVER_PORT ?? 8787)
  const host = env.RECEIVER_HOST ?? '127.0.0.1'
  const server = await serve(createReceiver(settings, storage), port, host)
  console.log(`Webhook receiver (contract v1) on http://${host}:${String(port)}`)
  return server
}
