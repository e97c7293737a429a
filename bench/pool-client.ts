// The benchmark's Cognito client: one JSON POST per call over node:http with keep-alive sockets, no
// SDK. Its own cost per call is a fraction of a millisecond, so the figures are the server's.
import { Agent, request } from 'node:http'

export type Reply = { ok: boolean; status: number; body: Record<string, unknown>; ms: number }

export class PoolClient {
  private readonly agent: Agent
  private readonly url: URL

  constructor(url: string, sockets: number) {
    this.url = new URL(url)
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets })
  }

  call(operation: string, input: object): Promise<Reply> {
    const payload = JSON.stringify(input)
    const started = performance.now()
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-amz-json-1.1',
            'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
            'Content-Length': Buffer.byteLength(payload),
            // moto reads the region and service from the signature's scope; unsigned, like a local tool.
            Authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0',
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            let body: Record<string, unknown>
            try {
              body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
            } catch {
              body = { __type: 'NotJson', message: text.slice(0, 200) }
            }
            const status = res.statusCode ?? 0
            resolve({ ok: status === 200, status, body, ms: performance.now() - started })
          })
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(payload)
    })
  }

  /** The call's body, or an error naming the operation and the server's answer. */
  async must(operation: string, input: object): Promise<Record<string, unknown>> {
    const reply = await this.call(operation, input)
    if (!reply.ok) throw new Error(`${operation} answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`)
    return reply.body
  }

  close(): void {
    this.agent.destroy()
  }
}
