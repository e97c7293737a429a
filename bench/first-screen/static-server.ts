// A plain static file server for a build: the same for all three apps, so the server is not what
// differs. Unknown paths get index.html (the app's addresses are client-side), uncompressed (the
// browser is on the same machine; the byte counts say what compression would save).
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

export type StaticServer = { url: string; close(): Promise<void> }

export async function serveStatic(dir: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(dir, path)
    readFile(file)
      .then(
        (body) => ({ body, type: TYPES[extname(file)] ?? 'application/octet-stream' }),
        async () => ({ body: await readFile(join(dir, 'index.html')), type: TYPES['.html']! }),
      )
      .then(({ body, type }) => {
        response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
        response.end(body)
      })
      .catch(() => {
        response.writeHead(404)
        response.end()
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
