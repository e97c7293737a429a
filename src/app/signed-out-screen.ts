// Which signed-out screen shows (types only: the first screen pays nothing for them).
import type { AuthFailure } from '../auth/auth-failure.ts'
import type { PasswordResetStart } from '../features/password-reset/password-reset-flow.ts'
import type { Notice, SignInWith } from '../features/sign-in/sign-in-flow.ts'
import type { SignUpStart } from '../features/sign-up/sign-up-flow.ts'

/** The sign-in form, as another screen hands back to it. */
export type SignInEntry = {
  username?: string
  notice?: Notice
  failure?: AuthFailure
  /** Sign in at once (the password is still in memory after sign-up or a reset); taken once. */
  signInWith?: SignInWith
}

/** The screens loaded on demand (signed-out-screens.tsx). */
export type OtherScreen = { kind: 'sign-up'; start: SignUpStart; password?: string } | ({ kind: 'password-reset' } & PasswordResetStart)

export type Screen = ({ kind: 'sign-in' } & SignInEntry) | OtherScreen
