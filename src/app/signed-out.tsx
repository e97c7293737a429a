// Signed out: the sign-in feature, or another signed-out screen (signed-out-screens.tsx: sign-up,
// password reset). Features never import each other, so their hand-offs are wired here:
//   sign-in "Create an account"          → sign-up's form, with the username sign-in knows
//   sign-in finds the account unconfirmed → sign-up's confirmation step, with the password typed
//   sign-up confirmed                     → sign-in, signing in at once when the password is in memory
//   sign-up "Sign in" / back              → the sign-in form, with the username
//   sign-in "Forgot your password?"       → password reset's username step, with the username typed
//   sign-in meets an administrator's reset → password reset, sending a code at once, saying why
//   password reset done                   → sign-in, signing in at once with the new password
//   password reset back                   → the sign-in form, with the username
import { lazy, Suspense, useEffect, useState } from 'react'
import { SignInScreen, type SignInScreenProps } from '../features/sign-in/sign-in-screen.tsx'
import { useT } from '../i18n/i18n-provider.tsx'
import { whenIdle } from '../ui/idle.ts'
import { Flex, Loader, Text } from '../ui/primitives.tsx'
import type { Screen } from './signed-out-screen.ts'

const loadScreens = () => import('./signed-out-screens.tsx')
const SignedOutScreens = lazy(loadScreens)

export type SignedOutProps = Omit<SignInScreenProps, 'onCreateAccount' | 'onUnconfirmed' | 'onResetPassword' | 'signInWith'> & {
  /** Local emulator: sign-up and password reset say where codes appear. */
  localMode?: boolean
}

export function SignedOut({ localMode = false, initialUsername, initialNotice, initialFailure, ...signIn }: SignedOutProps) {
  const t = useT()
  const [screen, setScreen] = useState<Screen>({
    kind: 'sign-in',
    username: initialUsername,
    notice: initialNotice,
    failure: initialFailure,
  })
  // Creating an account or resetting a password is one click away on the form: fetch them while the user reads.
  useEffect(() => whenIdle(() => void loadScreens().catch(() => {})), [])

  if (screen.kind !== 'sign-in') {
    return (
      <Suspense
        fallback={
          <Flex className="waiting" alignItems="center" justifyContent="center" gap="small" role="status">
            <Loader hidden />
            <Text>{t('app.loadingScreen')}</Text>
          </Flex>
        }
      >
        <SignedOutScreens
          screen={screen}
          auth={signIn.auth}
          clock={signIn.clock}
          localMode={localMode}
          onSignIn={(entry) => setScreen({ kind: 'sign-in', ...entry })}
        />
      </Suspense>
    )
  }
  return (
    <SignInScreen
      {...signIn}
      initialUsername={screen.username}
      initialNotice={screen.notice}
      initialFailure={screen.failure}
      signInWith={screen.signInWith}
      onCreateAccount={(username) => setScreen({ kind: 'sign-up', start: { step: 'sign-up', username } })}
      onUnconfirmed={(username, password) => setScreen({ kind: 'sign-up', start: { step: 'confirm-sign-up', username }, password })}
      onResetPassword={(username, reason) => setScreen({ kind: 'password-reset', username, reason })}
    />
  )
}
