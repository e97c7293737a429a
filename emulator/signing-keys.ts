import { createSigningKey, type SigningKey } from './domain/tokens.ts'

export type KeyGenerator = () => Promise<SigningKey>

/**
 * Reserved keys not yet taken are kept up to this many: a CreateUserPool that fails before it takes its
 * key (malformed JSON, say) leaves one behind for the next, and requests that keep failing so must
 * not pile keys up.
 */
const MAX_READY = 16

/**
 * Where CreateUserPool gets its RSA-2048 key. Generating one takes about 100 ms of CPU; it runs in
 * libuv's thread pool (WebCrypto's generateKey is asynchronous), and the HTTP server has the key made
 * before the request joins its one-at-a-time queue (`reserve`), so no other request waits behind it.
 * With `spareCount`, that many keys are made ahead, from the first key taken on (a fresh state's demo
 * pools take theirs at start), so a lone CreateUserPool does not wait either.
 */
export class SigningKeySupply {
  /** Keys made for requests that reserved one and have not taken it yet. */
  private ready: SigningKey[] = []
  /** Keys made, or being made, ahead of any request. */
  private spares: Array<Promise<SigningKey>> = []

  constructor(
    private generate: KeyGenerator = createSigningKey,
    private spareCount = 0,
  ) {}

  /** Starts making the missing spares, in the background. */
  private fill(): void {
    while (this.spares.length < this.spareCount) {
      const spare = this.generate()
      // A spare that fails is dropped; whoever takes it gets the error, nobody else (and it is never unhandled).
      spare.catch(() => {
        this.spares = this.spares.filter((other) => other !== spare)
      })
      this.spares.push(spare)
    }
  }

  /**
   * Has a key made for a request that will `take` one, and resolves once it is: called before the
   * request joins the queue. Never rejects: a failure shows when the request takes its key.
   */
  async reserve(): Promise<void> {
    try {
      const key = await this.next()
      if (this.ready.length < MAX_READY) this.ready.push(key)
    } catch {
      // `take` tries again, inside the request, and the request fails with the error.
    }
  }

  /** A key: one reserved, else a spare, else a new one. */
  async take(): Promise<SigningKey> {
    return this.ready.shift() ?? this.next()
  }

  private next(): Promise<SigningKey> {
    const key = this.spares.shift() ?? this.generate()
    this.fill()
    return key
  }
}
