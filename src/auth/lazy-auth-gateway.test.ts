// @vitest-environment jsdom
// (Web Storage is the subject here.)
import { beforeEach, describe, expect, test } from 'vitest'
import { mayHaveStoredSession } from './lazy-auth-gateway.ts'

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
