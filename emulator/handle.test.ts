import { handle, type WireResponse } from './handle.ts'
import { Store } from './state/store.ts'
import { createApp, createTestDeps, createUser, signedIn, storedUser, type TestDeps } from './test-support.ts'

const PREFIX = 'AWSCognitoIdentityProviderService.'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function bodyOf(response: WireResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>
}

function expectError(response: WireResponse, status: number, type: string) {
  expect(response.status).toBe(status)
  expect(response.headers['Content-Type']).toBe('application/x-amz-json-1.1')
  expect(response.headers['x-amzn-ErrorType']).toBe(`${type}:`)
  expect(response.headers['x-amzn-RequestId']).toMatch(UUID)
  const body = bodyOf(response)
  expect(Object.keys(body).sort()).toEqual(['__type', 'message'])
  expect(body.__type).toBe(type)
  return body.message as string
}

describe('handle', () => {
  let deps: TestDeps

  beforeEach(() => {
    deps = createTestDeps()
  })

  test('a success is 200 JSON with a request id', async () => {
    const response = await handle(`${PREFIX}ListUserPools`, '{"MaxResults": 10}', deps)
    expect(response.status).toBe(200)
    expect(response.headers['Content-Type']).toBe('application/x-amz-json-1.1')
    expect(response.headers['x-amzn-RequestId']).toMatch(UUID)
    expect(bodyOf(response)).toEqual({ UserPools: [] })
  })

  test('an operation with empty output still answers a JSON object, "{}" (Amplify parses every 2xx body)', async () => {
    const app = await createApp(deps)
    await createUser(deps, app.poolId, 'alice')
    const response = await handle(`${PREFIX}AdminDeleteUser`, JSON.stringify({ UserPoolId: app.poolId, Username: 'alice' }), deps)
    expect(response.status).toBe(200)
    expect(response.body).toBe('{}')
  })

  test('each response has its own request id', async () => {
    const first = await handle(`${PREFIX}ListUserPools`, '{"MaxResults": 1}', deps)
    const second = await handle(`${PREFIX}ListUserPools`, '{"MaxResults": 1}', deps)
    expect(first.headers['x-amzn-RequestId']).not.toBe(second.headers['x-amzn-RequestId'])
  })

  test.each([['{"MaxResults": '], ['{MaxResults: 10}'], ["{'a': 1}"], ['not json'], ['{"a":1}}']])(
    'malformed JSON %j → 400 SerializationException',
    async (body) => {
      expectError(await handle(`${PREFIX}ListUserPools`, body, deps), 400, 'SerializationException')
    },
  )

  test.each([['[]'], ['[{"MaxResults": 1}]'], ['42'], ['"text"'], ['null'], ['true']])(
    'a body that is not an object (%s) → 400 SerializationException',
    async (body) => {
      expectError(await handle(`${PREFIX}ListUserPools`, body, deps), 400, 'SerializationException')
    },
  )

  test('an empty body is an empty request: the operation reports the missing member', async () => {
    const message = expectError(await handle(`${PREFIX}ListUserPools`, '', deps), 400, 'InvalidParameterException')
    expect(message).toContain("'maxResults'")
  })

  test.each([
    ['an unknown operation', `${PREFIX}DoMagic`],
    ['toString', `${PREFIX}toString`],
    ['constructor', `${PREFIX}constructor`],
    ['__proto__', `${PREFIX}__proto__`],
    ['hasOwnProperty', `${PREFIX}hasOwnProperty`],
    ['the bare prefix', PREFIX],
    ['no prefix', 'ListUserPools'],
    ['another service', 'AmazonSSM.ListUserPools'],
    ['no header at all', undefined],
  ])('%s → 400 UnknownOperationException', async (_label, target) => {
    expectError(await handle(target, '{}', deps), 400, 'UnknownOperationException')
  })

  test('a Cognito error is 400 with __type and message in the body and the x-amzn headers', async () => {
    const response = await handle(`${PREFIX}AdminGetUser`, JSON.stringify({ UserPoolId: 'us-east-1_Nope', Username: 'a' }), deps)
    const message = expectError(response, 400, 'ResourceNotFoundException')
    expect(message).toBe('User pool us-east-1_Nope does not exist.')
    expect(response.headers['x-amzn-ErrorMessage']).toBe(message)
  })

  test('an error message quoting non-ASCII input keeps it in the body; the header stays ASCII', async () => {
    const app = await createApp(deps)
    const response = await handle(`${PREFIX}InitiateAuth`, JSON.stringify({ ClientId: app.clientId, AuthFlow: '日本語\n', AuthParameters: {} }), deps)
    const message = expectError(response, 400, 'InvalidParameterException')
    expect(message).toContain('日本語\n')
    expect(response.headers['x-amzn-ErrorMessage']).toMatch(/^[\x20-\x7e]*$/)
  })

  describe('an error that is not a Cognito error (a bug)', () => {
    let logged: unknown[][]

    beforeEach(() => {
      logged = []
      vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        logged.push(args)
      })
    })

    afterEach(() => {
      vi.restoreAllMocks()
    })

    function expectNoLeak(response: WireResponse) {
      const message = expectError(response, 500, 'InternalErrorException')
      expect(message).toBe('An internal error occurred.')
      expect(response.headers['x-amzn-ErrorMessage']).toBeUndefined()
      for (const leak of ['/home', 'emulator/', '.ts', ' at ', 'Error:', 'secret', 'base32']) expect(response.body).not.toContain(leak)
      // ...but the person running the emulator sees it, with the request id.
      expect(logged).toHaveLength(1)
      expect(String(logged[0][0])).toContain(response.headers['x-amzn-RequestId'])
    }

    test('a store that throws → 500 InternalErrorException, no stack or paths in the body', async () => {
      class BrokenStore extends Store {
        override listPools(): never {
          throw new Error('EACCES: permission denied, open /home/dev/project/.emulator/secret-state.json')
        }
      }
      expectNoLeak(await handle(`${PREFIX}ListUserPools`, '{"MaxResults": 10}', { ...deps, store: new BrokenStore() }))
    })

    test('damaged stored data (a TOTP secret that is not base32) → 500, and the next request is served normally', async () => {
      const app = await createApp(deps)
      await createUser(deps, app.poolId, 'alice')
      const { AccessToken } = await signedIn(deps, app, 'alice')
      const alice = storedUser(deps, app.poolId, 'alice')
      deps.store.updateUser(alice, { totp: { ...alice.totp, pendingSecret: '!!! not base32 !!!' } })
      expectNoLeak(await handle(`${PREFIX}VerifySoftwareToken`, JSON.stringify({ AccessToken, UserCode: '123456' }), deps))
      expect((await handle(`${PREFIX}GetUser`, JSON.stringify({ AccessToken }), deps)).status).toBe(200)
    })
  })
})
