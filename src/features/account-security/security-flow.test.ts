import { describe, expect, test } from 'vitest'
import type { MfaStatus } from '../../auth/auth-gateway.ts'
import { initialSecurityState, securityFlow, statusAfterSetup, type SecurityEvent, type SecurityState } from './security-flow.ts'

const off: MfaStatus = { totpEnabled: false, totpPreferred: false, totpSuspended: false, setupPending: false, otherFactors: [] }
const on: MfaStatus = { totpEnabled: true, totpPreferred: true, totpSuspended: false, setupPending: false, otherFactors: [], deviceName: 'Pixel' }
const suspended: MfaStatus = { ...on, totpSuspended: true, setupPending: true }
const run = (events: SecurityEvent[], from: SecurityState = initialSecurityState(false)) => events.reduce(securityFlow, from)

describe('securityFlow', () => {
  test('loads the status from the server', () => {
    expect(run([{ type: 'loaded', status: off }])).toEqual({ step: 'overview', status: off, mfaRequired: false })
  })

  test('a failed load can be retried', () => {
    const failed = run([{ type: 'failed', failure: 'offline' }])
    expect(failed).toEqual({ step: 'load-failed', mfaRequired: false, failure: 'offline' })
    expect(securityFlow(failed, { type: 'reload' })).toEqual({ step: 'loading', mfaRequired: false })
  })

  test('setting up, then enrolled: the status follows from what the pool accepted, with the notice, and is not read again', () => {
    const withSms: MfaStatus = { ...off, otherFactors: ['sms'] }
    const state = run([{ type: 'loaded', status: withSms }, { type: 'setup-requested' }, { type: 'enrolled', deviceName: '  Work phone ' }])
    expect(state).toEqual({
      step: 'overview',
      status: { totpEnabled: true, totpPreferred: true, totpSuspended: false, setupPending: false, otherFactors: ['sms'], deviceName: 'Work phone' },
      mfaRequired: false,
      notice: 'enabled',
    })
  })

  test('finishing a half-way setup clears what was pending; a blank name is no name', () => {
    const halfWay: MfaStatus = { ...off, setupPending: true }
    const state = run([{ type: 'loaded', status: halfWay }, { type: 'finish-requested' }, { type: 'enrolled', deviceName: ' ' }])
    expect(state).toMatchObject({ step: 'overview', notice: 'enabled', status: { totpEnabled: true, totpSuspended: false, setupPending: false } })
    expect(state.step === 'overview' && state.status.deviceName).toBeUndefined()
    expect(statusAfterSetup(on, undefined).deviceName).toBeUndefined()
  })

  test('replacing asks first; cancelling the warning changes nothing', () => {
    const warned = run([{ type: 'loaded', status: on }, { type: 'replace-requested' }])
    expect(warned.step).toBe('confirm-replace')
    expect(securityFlow(warned, { type: 'cancelled' })).toEqual({ step: 'overview', status: on, mfaRequired: false })
    expect(run([{ type: 'replace-confirmed' }, { type: 'enrolled', deviceName: 'New phone' }], warned)).toEqual({
      step: 'overview',
      status: { ...on, deviceName: 'New phone' },
      mfaRequired: false,
      notice: 'replaced',
    })
  })

  test('finishing a suspended authenticator shows it on again, no longer suspended', () => {
    const state = run([{ type: 'loaded', status: suspended }, { type: 'finish-requested' }, { type: 'enrolled', deviceName: 'Pixel' }])
    expect(state).toEqual({ step: 'overview', status: on, mfaRequired: false, notice: 'replaced' })
  })

  test('leaving a setup half-way reloads the status (Cognito may hold a pending secret)', () => {
    expect(run([{ type: 'loaded', status: off }, { type: 'setup-requested' }, { type: 'cancelled' }])).toEqual({
      step: 'loading',
      mfaRequired: false,
    })
  })

  test('turning off asks for confirmation, then reloads with a notice', () => {
    const state = run([{ type: 'loaded', status: on }, { type: 'disable-requested' }, { type: 'disable-confirmed' }, { type: 'disabled' }])
    expect(state).toEqual({ step: 'loading', mfaRequired: false, notice: 'disabled' })
  })

  test('turning off is not possible when the pool requires MFA', () => {
    const loaded = run([{ type: 'loaded', status: on }], initialSecurityState(true))
    expect(securityFlow(loaded, { type: 'disable-requested' })).toBe(loaded)
  })

  test('when the server refuses because MFA is required, the page learns it', () => {
    const state = run([
      { type: 'loaded', status: on },
      { type: 'disable-requested' },
      { type: 'disable-confirmed' },
      { type: 'failed', failure: 'mfa-required-by-pool' },
    ])
    expect(state).toEqual({ step: 'overview', status: on, mfaRequired: true, failure: 'mfa-required-by-pool' })
    expect(securityFlow(state, { type: 'disable-requested' })).toBe(state)
  })

  test('another failure while turning off stays in the dialog with the reason', () => {
    const state = run([
      { type: 'loaded', status: on },
      { type: 'disable-requested' },
      { type: 'disable-confirmed' },
      { type: 'failed', failure: 'offline' },
    ])
    expect(state).toEqual({ step: 'confirm-disable', status: on, mfaRequired: false, failure: 'offline' })
  })

  test('set up is only offered when off, replace and turn off only when on', () => {
    const offState = run([{ type: 'loaded', status: off }])
    expect(securityFlow(offState, { type: 'replace-requested' })).toBe(offState)
    expect(securityFlow(offState, { type: 'disable-requested' })).toBe(offState)
    const onState = run([{ type: 'loaded', status: on }])
    expect(securityFlow(onState, { type: 'setup-requested' })).toBe(onState)
  })

  test('finishing is offered only for a key issued and not verified: suspended, or a first setup left half-way', () => {
    const onState = run([{ type: 'loaded', status: on }])
    expect(securityFlow(onState, { type: 'finish-requested' })).toBe(onState)
    expect(run([{ type: 'loaded', status: suspended }, { type: 'finish-requested' }])).toMatchObject({ step: 'enrolling', replacing: true })
    const halfWay = { ...off, setupPending: true }
    expect(run([{ type: 'loaded', status: halfWay }, { type: 'finish-requested' }])).toMatchObject({ step: 'enrolling', replacing: false })
    // A suspended authenticator can still be replaced with a new key, or turned off.
    expect(run([{ type: 'loaded', status: suspended }, { type: 'replace-requested' }]).step).toBe('confirm-replace')
    expect(run([{ type: 'loaded', status: suspended }, { type: 'disable-requested' }]).step).toBe('confirm-disable')
  })

  test('an enabled but not preferred app can be made preferred', () => {
    const notPreferred = { ...on, totpPreferred: false }
    expect(run([{ type: 'loaded', status: notPreferred }, { type: 'make-preferred-requested' }, { type: 'made-preferred' }])).toEqual({
      step: 'loading',
      mfaRequired: false,
      notice: 'preferred',
    })
  })
})
