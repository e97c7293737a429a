// @vitest-environment jsdom
// (Web Storage is the subject here.)
import { beforeEach, describe, expect, test, vi } from 'vitest'
import type { AuthGateway } from './auth-gateway.ts'
import { createLazyAuthGateway, mayHaveStoredSession } from './lazy-auth-gateway.ts'

const client = 'client1'
const lastAuthUser = `CognitoIdentityServiceProvider.${client}.LastAuthUser`

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

describe('mayHaveStoredSession looks where the tokens are kept', () => {
  test('nothing stored anywhere: nobody can be signed in', () => {
    expect(mayHaveStoredSession(client)).toBe(false)
    expect(mayHaveStoredSession(client, 'local')).toBe(false)
    expect(mayHaveStoredSession(client, 'session')).toBe(false)
  })

  test('local (the default): Amplify’s key in localStorage counts, one in sessionStorage does not', () => {
    localStorage.setItem(lastAuthUser, 'alice')
    expect(mayHaveStoredSession(client)).toBe(true)
    expect(mayHaveStoredSession(client, 'local')).toBe(true)
    expect(mayHaveStoredSession('another-client')).toBe(false)
    localStorage.clear()
    sessionStorage.setItem(lastAuthUser, 'alice')
    expect(mayHaveStoredSession(client, 'local')).toBe(false)
  })

  test('session: Amplify’s key in sessionStorage counts, one left in localStorage does not', () => {
    sessionStorage.setItem(lastAuthUser, 'alice')
    expect(mayHaveStoredSession(client, 'session')).toBe(true)
    sessionStorage.clear()
    localStorage.setItem(lastAuthUser, 'alice')
    expect(mayHaveStoredSession(client, 'session')).toBe(false)
  })
})

describe('createLazyAuthGateway', () => {
  const pool = { userPoolId: 'local_abc', userPoolClientId: 'client1', mfa: 'optional' } as const
  const real = { getCurrentUser: async () => ({ username: 'alice' }), reauthenticate: async (password: string) => ({ step: password }) }
  const loaded = () => {
    let loads = 0
    const gateway = createLazyAuthGateway(pool, 'local', async () => {
      loads += 1
      return { createAmplifyAuthGateway: () => real as unknown as AuthGateway }
    })
    return { gateway, loads: () => loads }
  }

  test('every method waits for the download, once, then calls the real gateway’s with the same arguments', async () => {
    const { gateway, loads } = loaded()
    expect(loads()).toBe(0)
    expect(await gateway.getCurrentUser()).toEqual({ username: 'alice' })
    expect(await gateway.reauthenticate('pw')).toEqual({ step: 'pw' })
    expect(loads()).toBe(1)
  })

  test('a method is the same function each time it is read (safe as a hook dependency)', () => {
    const { gateway } = loaded()
    expect(gateway.fetchMfaStatus).toBe(gateway.fetchMfaStatus)
    expect(gateway.signIn).not.toBe(gateway.signOut)
  })

  test('it is not a thenable, and has prefetch (how the app tells it from a ready gateway)', async () => {
    const { gateway, loads } = loaded()
    expect(await Promise.resolve(gateway)).toBe(gateway)
    expect('prefetch' in gateway).toBe(true)
    gateway.prefetch()
    await vi.waitFor(() => expect(loads()).toBe(1))
  })
})
