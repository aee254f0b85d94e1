/**
 * A deployment's build-trigger endpoint (`buildTriggerUrl`), reduced to what the app needs from
 * one: it answers the browser's CORS preflight, accepts `POST /trigger` with 202 and keeps each
 * body, which a spec reads back with `GET /received`. Loopback only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { HOST } from './processes.ts'

export interface BuildReceiver {
  url: string
  stop: () => Promise<void>
}

function cors(response: ServerResponse) {
  response.setHeader('Access-Control-Allow-Origin', '*')
  response.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS')
  response.setHeader('Access-Control-Allow-Headers', 'content-type, accept')
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (text += chunk))
    request.on('end', () => resolve(text))
    request.on('error', reject)
  })
}

export function startBuildReceiver(): Promise<BuildReceiver> {
  const received: unknown[] = []
  const server = createServer((request, response) => {
    cors(response)
    const path = new URL(request.url ?? '/', 'http://receiver').pathname
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end()
    } else if (request.method === 'POST' && path === '/trigger') {
      body(request).then(
        (text) => {
          received.push(JSON.parse(text))
          response.writeHead(202, { 'content-type': 'application/json' })
          response.end(JSON.stringify({ message: `Build ${received.length} queued` }))
        },
        () => response.writeHead(400).end(),
      )
    } else if (request.method === 'GET' && path === '/received') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(received))
    } else {
      response.writeHead(404).end()
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({
        url: `http://${HOST}:${port}`,
        stop: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}
