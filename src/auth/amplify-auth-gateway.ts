// The only module that imports aws-amplify. It is loaded with a dynamic import() after first
// paint (see lazy-auth-gateway.ts) so the sign-in screen does not wait for it.
import { Amplify } from 'aws-amplify'
import {
  confirmSignIn,
  confirmSignUp,
  fetchMFAPreference,
  getCurrentUser,
  resendSignUpCode,
  setUpTOTP,
  signIn,
  signOut,
  signUp,
  updateMFAPreference,
  verifyTOTPSetup,
  type FetchMFAPreferenceOutput,
  type SignInOutput,
} from 'aws-amplify/auth'
import type { PoolConfig } from '../config/app-config.ts'
import type { AuthGateway, MfaType, SignInStep } from './auth-gateway.ts'
import { forgetDeviceName, recallDeviceName, rememberDeviceName } from './device-names.ts'

type AuthMFAType = NonNullable<FetchMFAPreferenceOutput['preferred']>

const fromAmplifyMfa: Record<AuthMFAType, MfaType> = { TOTP: 'totp', SMS: 'sms', EMAIL: 'email' }
const toAmplifyMfa: Record<MfaType, AuthMFAType> = { totp: 'TOTP', sms: 'SMS', email: 'EMAIL' }

export function configureAmplify(pool: PoolConfig): void {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: pool.userPoolId,
        userPoolClientId: pool.userPoolClientId,
        ...(pool.endpoint ? { userPoolEndpoint: pool.endpoint } : {}),
        loginWith: { username: true },
      },
    },
  })
}

export function createAmplifyAuthGateway(pool: PoolConfig): AuthGateway {
  configureAmplify(pool)

  async function currentUsername(): Promise<string | undefined> {
    try {
      return (await getCurrentUser()).username
    } catch {
      return undefined
    }
  }

  async function toStep(output: SignInOutput): Promise<SignInStep> {
    const next = output.nextStep
    switch (next.signInStep) {
      case 'DONE':
        return { step: 'done' }
      case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
        return { step: 'totp-code' }
      case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP':
        // Only the secret is used: totpSetupDetails.getSetupUri JSON-stringifies the account
        // name (a quoted label in the phone's app), so the enrollment feature builds its own URI.
        return { step: 'totp-setup', secret: next.totpSetupDetails.sharedSecret }
      case 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION':
        // The pool lets the user set up TOTP or email; this app is about TOTP, so choose it.
        if (next.allowedMFATypes?.includes('TOTP')) return toStep(await confirmSignIn({ challengeResponse: 'TOTP' }))
        return { step: 'unsupported', name: next.signInStep }
      case 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION':
        return {
          step: 'select-mfa',
          options: (next.allowedMFATypes ?? []).map((t) => fromAmplifyMfa[t]).filter(Boolean),
        }
      case 'CONFIRM_SIGN_IN_WITH_SMS_CODE':
        return { step: 'delivered-code', channel: 'sms', destination: next.codeDeliveryDetails?.destination }
      case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
        return { step: 'delivered-code', channel: 'email', destination: next.codeDeliveryDetails?.destination }
      case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
        return { step: 'new-password', missingAttributes: [...(next.missingAttributes ?? [])] }
      case 'CONFIRM_SIGN_UP':
        return { step: 'confirm-sign-up' }
      case 'RESET_PASSWORD':
        return { step: 'reset-password' }
      default:
        return { step: 'unsupported', name: next.signInStep }
    }
  }

  return {
    async getCurrentUser() {
      try {
        const user = await getCurrentUser()
        return { username: user.username, loginId: user.signInDetails?.loginId }
      } catch (error) {
        // No stored tokens, or the refresh token was refused: simply not signed in.
        if (error instanceof Error && error.name === 'UserUnAuthenticatedException') return null
        throw error
      }
    },
    async signIn(username, password) {
      return toStep(await signIn({ username, password }))
    },
    async confirmTotpCode(code) {
      return toStep(await confirmSignIn({ challengeResponse: code }))
    },
    async confirmTotpSetupDuringSignIn(code, deviceName) {
      const name = deviceName.trim()
      const step = await toStep(await confirmSignIn({ challengeResponse: code, options: name ? { friendlyDeviceName: name } : undefined }))
      if (step.step === 'done') {
        const username = await currentUsername()
        if (username) rememberDeviceName(pool.userPoolId, username, name)
      }
      return step
    },
    async selectMfaType(type) {
      return toStep(await confirmSignIn({ challengeResponse: toAmplifyMfa[type] }))
    },
    async confirmDeliveredCode(code) {
      return toStep(await confirmSignIn({ challengeResponse: code }))
    },
    async completeNewPassword(password, attributes) {
      return toStep(
        await confirmSignIn({
          challengeResponse: password,
          options: attributes && Object.keys(attributes).length > 0 ? { userAttributes: attributes } : undefined,
        }),
      )
    },
    async signUp(username, password, email) {
      const result = await signUp({
        username,
        password,
        options: { userAttributes: email ? { email } : {} },
      })
      if (result.nextStep.signUpStep === 'CONFIRM_SIGN_UP') {
        return { step: 'confirm-sign-up', destination: result.nextStep.codeDeliveryDetails?.destination }
      }
      return { step: 'done' }
    },
    async confirmSignUp(username, code) {
      await confirmSignUp({ username, confirmationCode: code })
    },
    async resendSignUpCode(username) {
      const details = await resendSignUpCode({ username })
      return { destination: details.destination }
    },
    async signOut(options) {
      await signOut({ global: options?.global ?? false })
    },
    async fetchMfaStatus() {
      const [preference, username] = await Promise.all([fetchMFAPreference(), currentUsername()])
      const enabled = preference.enabled ?? []
      const totpEnabled = enabled.includes('TOTP')
      return {
        totpEnabled,
        totpPreferred: preference.preferred === 'TOTP',
        otherFactors: enabled.filter((t) => t !== 'TOTP').map((t) => fromAmplifyMfa[t]),
        deviceName: totpEnabled && username ? recallDeviceName(pool.userPoolId, username) : undefined,
      }
    },
    async beginTotpSetup() {
      const details = await setUpTOTP()
      return { secret: details.sharedSecret }
    },
    async verifyTotpSetup(code, deviceName) {
      const name = deviceName.trim()
      try {
        await verifyTOTPSetup({ code, options: name ? { friendlyDeviceName: name } : undefined })
      } catch (error) {
        // When Cognito accepted the code but the answer was lost on the way back, Amplify retries;
        // by then no secret is pending, and Cognito answers InvalidParameterException to every
        // code. SetUserMFAPreference succeeds only for a verified token: if it does, the code was
        // accepted, so carry on (the next step switches TOTP on as preferred anyway).
        if (!(error instanceof Error && error.name === 'InvalidParameterException')) throw error
        try {
          await updateMFAPreference({ totp: 'PREFERRED' })
        } catch {
          throw error
        }
      }
      const username = await currentUsername()
      if (username) rememberDeviceName(pool.userPoolId, username, name)
    },
    async setTotpPreferred() {
      await updateMFAPreference({ totp: 'PREFERRED' })
    },
    async disableTotp() {
      await updateMFAPreference({ totp: 'DISABLED' })
      const username = await currentUsername()
      if (username) forgetDeviceName(pool.userPoolId, username)
    },
  }
}
