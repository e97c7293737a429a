// The signed-out screens other than the sign-in form: creating and confirming an account (sign-up),
// and resetting a password. One lazily loaded module (the app prefetches it while the form is
// idle), so that the first screen carries neither these hand-offs nor their props (ADR 003).
import type { AuthGateway } from '../auth/auth-gateway.ts'
import PasswordResetScreen from '../features/password-reset/password-reset-screen.tsx'
import SignUpScreen from '../features/sign-up/sign-up-screen.tsx'
import type { Clock } from '../ui/clock.ts'
import { oneShot } from '../ui/one-shot.ts'
import type { OtherScreen, SignInEntry } from './signed-out-screen.ts'

export type SignedOutScreensProps = {
  screen: OtherScreen
  auth: AuthGateway
  clock: Clock
  localMode: boolean
  /** Back to the sign-in form: with a notice or failure, or signing in at once. */
  onSignIn(entry: SignInEntry): void
}

export default function SignedOutScreens({ screen, auth, clock, localMode, onSignIn }: SignedOutScreensProps) {
  if (screen.kind === 'password-reset') {
    return (
      <PasswordResetScreen
        auth={auth}
        clock={clock}
        start={screen}
        localMode={localMode}
        // Signed in with the new password at once: the authenticator is still asked for.
        onReset={(username, password) => onSignIn({ username, signInWith: { username, takePassword: oneShot(password) } })}
        onBackToSignIn={(username) => onSignIn({ username })}
      />
    )
  }
  return (
    <SignUpScreen
      auth={auth}
      start={screen.start}
      password={screen.password}
      localMode={localMode}
      onConfirmed={(username, password) =>
        onSignIn(
          password === undefined
            ? { username, notice: 'account-confirmed' }
            : { username, signInWith: { username, takePassword: oneShot(password) } },
        )
      }
      onBackToSignIn={(username, failure) => onSignIn({ username, failure })}
    />
  )
}
