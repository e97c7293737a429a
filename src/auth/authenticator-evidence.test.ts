// @vitest-environment jsdom
// (Web Storage is the subject here.)
import { beforeEach, describe, expect, test } from 'vitest'
import {
  forgetAllEvidence,
  forgetEvidence,
  isSuspended,
  recallEvidence,
  recordEvidence,
  refusedByServer,
  seenWithoutAuthenticator,
} from './authenticator-evidence.ts'

const pool = 'eu-west-1_Pool'

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

describe('the verdict', () => {
  test('listed and asked for at the latest sign-in, or verified since: not suspended', () => {
    expect(isSuspended(true, 'asked-for-code')).toBe(false)
  })

  test('listed, but the latest sign-in went in without a code, or a key awaits its code: suspended', () => {
    expect(isSuspended(true, 'not-asked')).toBe(true)
    expect(isSuspended(true, 'association-pending')).toBe(true)
  })

  test('no evidence (a session from before the record, storage refused): the list is trusted', () => {
    expect(isSuspended(true, undefined)).toBe(false)
  })

  test('SMS or email asked for directly: suspended, unless another factor is preferred (then sign-in says nothing about the authenticator)', () => {
    expect(isSuspended(true, 'other-factor-only')).toBe(true)
    expect(isSuspended(true, 'other-factor-only', true)).toBe(false)
    // Preferring SMS does not hide what was seen directly.
    expect(isSuspended(true, 'association-pending', true)).toBe(true)
  })

  test('no code asked while this browser presented its device key: explained only when this browser is remembered (ADR 025)', () => {
    expect(isSuspended(true, 'not-asked-known-browser', false, true)).toBe(false)
    expect(isSuspended(true, 'not-asked-known-browser', false, false)).toBe(true)
    expect(isSuspended(true, 'not-asked-known-browser')).toBe(true)
    // A key issued here still shows, remembered browser or not.
    expect(seenWithoutAuthenticator('association-pending', 'not-asked-known-browser')).toBe('association-pending')
    expect(isSuspended(true, 'association-pending', false, true)).toBe(true)
    expect(isSuspended(false, 'not-asked-known-browser')).toBe(false)
  })

  test('a sign-in without the authenticator keeps a key issued here that awaits its code, and otherwise records what it saw', () => {
    expect(seenWithoutAuthenticator('association-pending', 'not-asked')).toBe('association-pending')
    expect(seenWithoutAuthenticator('association-pending', 'other-factor-only')).toBe('association-pending')
    expect(seenWithoutAuthenticator('asked-for-code', 'not-asked')).toBe('not-asked')
    expect(seenWithoutAuthenticator(undefined, 'other-factor-only')).toBe('other-factor-only')
  })

  test('only a Cognito exception is a definite refusal; a lost answer or an internal error may hide a change', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name })
    expect(refusedByServer(named('LimitExceededException'))).toBe(true)
    expect(refusedByServer(named('NotAuthorizedException'))).toBe(true)
    expect(refusedByServer(named('NetworkError'))).toBe(false)
    expect(refusedByServer(named('InternalErrorException'))).toBe(false)
    expect(refusedByServer(new TypeError('Failed to fetch'))).toBe(false)
    expect(refusedByServer('LimitExceededException')).toBe(false)
  })

  test('not listed: off, whatever was seen', () => {
    expect(isSuspended(false, 'not-asked')).toBe(false)
    expect(isSuspended(false, 'association-pending')).toBe(false)
  })
})

describe('the record', () => {
  test('is kept per pool and username, where the tokens are, and the latest one wins', () => {
    recordEvidence(pool, 'alice', 'asked-for-code')
    recordEvidence(pool, 'alice', 'association-pending')
    recordEvidence(pool, 'bob', 'not-asked', 'session')
    expect(recallEvidence(pool, 'alice')).toBe('association-pending')
    expect(recallEvidence(pool, 'alice', 'session')).toBeUndefined()
    expect(recallEvidence(pool, 'bob', 'session')).toBe('not-asked')
    expect(recallEvidence('eu-west-1_Other', 'alice')).toBeUndefined()
    // One word: nothing else, and never a key.
    expect(Object.values({ ...localStorage })).toEqual(['association-pending'])
  })

  test('a value it did not write reads as no evidence', () => {
    localStorage.setItem(`cognito-totp.authenticator-evidence.${pool}.alice`, 'on')
    expect(recallEvidence(pool, 'alice')).toBeUndefined()
  })

  test('turning off forgets one user; a session-storage sign-out forgets the whole pool there', () => {
    recordEvidence(pool, 'alice', 'asked-for-code')
    forgetEvidence(pool, 'alice')
    expect(recallEvidence(pool, 'alice')).toBeUndefined()
    recordEvidence(pool, 'alice', 'asked-for-code', 'session')
    recordEvidence(pool, 'bob', 'not-asked', 'session')
    recordEvidence('eu-west-1_Other', 'carol', 'not-asked', 'session')
    forgetAllEvidence(pool, 'session')
    expect(sessionStorage.length).toBe(1)
  })
})
