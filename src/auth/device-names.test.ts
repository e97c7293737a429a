// @vitest-environment jsdom
// (Web Storage is the subject here.)
import { beforeEach, describe, expect, test } from 'vitest'
import { forgetDeviceName, forgetDeviceNames, recallDeviceName, rememberDeviceName } from './device-names.ts'

const pool = 'eu-west-1_Pool'

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

describe('with local storage (the default)', () => {
  test('a remembered name is kept in localStorage only, and read back from there', () => {
    rememberDeviceName(pool, 'alice', '  Pixel  ')
    expect(recallDeviceName(pool, 'alice')).toBe('Pixel')
    expect(recallDeviceName(pool, 'alice', 'local')).toBe('Pixel')
    expect(recallDeviceName(pool, 'alice', 'session')).toBeUndefined()
    expect(localStorage.length).toBe(1)
    expect(sessionStorage.length).toBe(0)
  })

  test('a blank name, or turning TOTP off, forgets it', () => {
    rememberDeviceName(pool, 'alice', 'Pixel')
    rememberDeviceName(pool, 'alice', '   ')
    expect(recallDeviceName(pool, 'alice')).toBeUndefined()
    rememberDeviceName(pool, 'bob', 'iPhone')
    forgetDeviceName(pool, 'bob')
    expect(localStorage.length).toBe(0)
  })

  test('signing out of a session-storage tab leaves the names kept in localStorage alone', () => {
    rememberDeviceName(pool, 'alice', 'Pixel', 'local')
    forgetDeviceNames(pool, 'session')
    expect(recallDeviceName(pool, 'alice', 'local')).toBe('Pixel')
  })
})

describe('with session storage', () => {
  test('a remembered name is kept in sessionStorage only, and read back from there', () => {
    rememberDeviceName(pool, 'alice', 'Pixel', 'session')
    expect(recallDeviceName(pool, 'alice', 'session')).toBe('Pixel')
    expect(recallDeviceName(pool, 'alice', 'local')).toBeUndefined()
    expect(localStorage.length).toBe(0)
    expect(sessionStorage.length).toBe(1)
    forgetDeviceName(pool, 'alice', 'session')
    expect(sessionStorage.length).toBe(0)
  })

  test('at sign-out every name of this pool goes, whoever it was for; other pools and other keys stay', () => {
    rememberDeviceName(pool, 'alice', 'Pixel', 'session')
    rememberDeviceName(pool, 'bob', 'iPhone', 'session')
    rememberDeviceName('eu-west-1_Other', 'carol', 'Galaxy', 'session')
    rememberDeviceName(`${pool}0`, 'dave', 'Nokia', 'session') // a longer id sharing the prefix is another pool
    sessionStorage.setItem('CognitoIdentityServiceProvider.client.LastAuthUser', 'alice')

    forgetDeviceNames(pool, 'session')

    expect(recallDeviceName(pool, 'alice', 'session')).toBeUndefined()
    expect(recallDeviceName(pool, 'bob', 'session')).toBeUndefined()
    expect(recallDeviceName('eu-west-1_Other', 'carol', 'session')).toBe('Galaxy')
    expect(recallDeviceName(`${pool}0`, 'dave', 'session')).toBe('Nokia')
    expect(sessionStorage.getItem('CognitoIdentityServiceProvider.client.LastAuthUser')).toBe('alice')
  })
})
