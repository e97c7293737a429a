// Account settings → Security as one state machine. The status shown comes from the server
// (fetchMfaStatus), with the gateway's evidence of whether sign-in really asks for the authenticator
// (ADR 015), so the page never says "on" when it is not. One change is not read back: a setup the
// pool accepted at every call (key, code, preference) ends in a status known from those answers
// (statusAfterSetup; ADR 015, revisited).
import type { AuthFailure } from '../../auth/auth-failure.ts'
import type { MfaStatus } from '../../auth/auth-gateway.ts'

export type SecurityNotice = 'enabled' | 'replaced' | 'disabled' | 'preferred'

/**
 * Whether the pool requires MFA: undefined when the configuration does not say (the page then
 * words what an unfinished setup does for both cases, and learns `true` when turning off is refused).
 */
export type PoolMfaRequired = boolean | undefined

type Known = {
  status: MfaStatus
  /** Learned from the server refusing to turn TOTP off, when the config did not say. */
  mfaRequired: PoolMfaRequired
}

export type SecurityState =
  | { step: 'loading'; mfaRequired: PoolMfaRequired; notice?: SecurityNotice }
  | { step: 'load-failed'; mfaRequired: PoolMfaRequired; failure: AuthFailure }
  | ({ step: 'overview'; notice?: SecurityNotice; failure?: AuthFailure } & Known)
  | ({ step: 'making-preferred' } & Known)
  | ({ step: 'confirm-replace' } & Known)
  | ({ step: 'enrolling'; replacing: boolean } & Known)
  | ({ step: 'confirm-disable' | 'disabling'; failure?: AuthFailure } & Known)

export type SecurityEvent =
  | { type: 'loaded'; status: MfaStatus }
  | { type: 'failed'; failure: AuthFailure }
  | { type: 'reload' }
  | { type: 'setup-requested' }
  /** Finish a setup whose key was issued but never verified (a suspended authenticator, or a first setup left half-way). */
  | { type: 'finish-requested' }
  | { type: 'replace-requested' }
  | { type: 'replace-confirmed' }
  | { type: 'cancelled' }
  /** The code was verified and TOTP made preferred, both accepted by the pool; the name given with the code. */
  | { type: 'enrolled'; deviceName?: string }
  | { type: 'make-preferred-requested' }
  | { type: 'made-preferred' }
  | { type: 'disable-requested' }
  | { type: 'disable-confirmed' }
  | { type: 'disabled' }

/** A key was issued and not verified: suspended, or a first setup left half-way in this browser. */
export function canFinish(status: MfaStatus): boolean {
  return status.totpSuspended || status.setupPending
}

/**
 * The status after a setup whose VerifySoftwareToken and SetUserMFAPreference (TOTP enabled and
 * preferred) the pool both accepted: what a GetUser read would show, without the read (ADR 015,
 * revisited). Listed and preferred because the pool said yes to exactly that; not suspended and
 * nothing pending because the verified code is the evidence the gateway records ('asked-for-code').
 * The other factors are untouched by these calls, so they stay as last read; the device name is the
 * one sent with the code (the gateway keeps it trimmed, an empty one as none).
 */
export function statusAfterSetup(before: MfaStatus, deviceName: string | undefined): MfaStatus {
  const name = deviceName?.trim()
  return {
    totpEnabled: true,
    totpPreferred: true,
    totpSuspended: false,
    setupPending: false,
    otherFactors: before.otherFactors,
    deviceName: name ? name : undefined,
  }
}

export function initialSecurityState(mfaRequired: PoolMfaRequired): SecurityState {
  return { step: 'loading', mfaRequired }
}

const overview = (s: Known, extra: { notice?: SecurityNotice; failure?: AuthFailure } = {}): SecurityState => ({
  step: 'overview',
  status: s.status,
  mfaRequired: s.mfaRequired,
  ...extra,
})

export function securityFlow(s: SecurityState, e: SecurityEvent): SecurityState {
  switch (s.step) {
    case 'loading':
      if (e.type === 'loaded') return overview({ status: e.status, mfaRequired: s.mfaRequired }, { notice: s.notice })
      if (e.type === 'failed') return { step: 'load-failed', mfaRequired: s.mfaRequired, failure: e.failure }
      return s
    case 'load-failed':
      if (e.type === 'reload') return { step: 'loading', mfaRequired: s.mfaRequired }
      return s
    case 'overview':
      if (e.type === 'setup-requested' && !s.status.totpEnabled) return { ...s, step: 'enrolling', replacing: false }
      if (e.type === 'finish-requested' && canFinish(s.status)) return { ...s, step: 'enrolling', replacing: s.status.totpEnabled }
      if (e.type === 'replace-requested' && s.status.totpEnabled) return { status: s.status, mfaRequired: s.mfaRequired, step: 'confirm-replace' }
      if (e.type === 'disable-requested' && s.status.totpEnabled && !s.mfaRequired) {
        return { status: s.status, mfaRequired: s.mfaRequired, step: 'confirm-disable' }
      }
      if (e.type === 'make-preferred-requested' && s.status.totpEnabled && !s.status.totpPreferred) {
        return { status: s.status, mfaRequired: s.mfaRequired, step: 'making-preferred' }
      }
      if (e.type === 'reload') return { step: 'loading', mfaRequired: s.mfaRequired }
      return s
    case 'making-preferred':
      if (e.type === 'made-preferred') return { step: 'loading', mfaRequired: s.mfaRequired, notice: 'preferred' }
      if (e.type === 'failed') return overview(s, { failure: e.failure })
      return s
    case 'confirm-replace':
      if (e.type === 'replace-confirmed') return { ...s, step: 'enrolling', replacing: true }
      if (e.type === 'cancelled') return overview(s)
      return s
    case 'enrolling':
      // The pool accepted the code and the preference: the status follows from its answers, with no
      // read back (a failed preference never gets here: the setup screen says so and offers a retry).
      if (e.type === 'enrolled') {
        return overview(
          { status: statusAfterSetup(s.status, e.deviceName), mfaRequired: s.mfaRequired },
          { notice: s.replacing ? 'replaced' : 'enabled' },
        )
      }
      // Leaving a setup half-way may have changed Cognito's state (a pending secret), so reload.
      if (e.type === 'cancelled') return { step: 'loading', mfaRequired: s.mfaRequired }
      return s
    case 'confirm-disable':
      if (e.type === 'disable-confirmed') return { ...s, step: 'disabling', failure: undefined }
      if (e.type === 'cancelled') return overview(s)
      return s
    case 'disabling':
      if (e.type === 'disabled') return { step: 'loading', mfaRequired: s.mfaRequired, notice: 'disabled' }
      if (e.type === 'failed') {
        // The pool turned out to require MFA: stop offering "Turn off" and say why.
        if (e.failure === 'mfa-required-by-pool') return overview({ ...s, mfaRequired: true }, { failure: e.failure })
        return { ...s, step: 'confirm-disable', failure: e.failure }
      }
      return s
  }
}
