// Signed out: the sign-in feature, or the sign-up feature (create an account, confirm it).
// Features never import each other, so their hand-offs are wired here:
//   sign-in "Create an account"          → sign-up's form, with the username sign-in knows
//   sign-in finds the account unconfirmed → sign-up's confirmation step, with the password typed
//   sign-up confirmed                     → sign-in, signing in at once when the password is in memory
//   sign-up "Sign in" / back              → the sign-in form, with the username
import { Flex, Loader, Text } from '@aws-amplify/ui-react'
import { lazy, Suspense, useEffect, useState } from 'react'
import type { AuthFailure } from '../auth/auth-failure.ts'
import type { Notice } from '../features/sign-in/sign-in-flow.ts'
import { SignInScreen, type SignInScreenProps } from '../features/sign-in/sign-in-screen.tsx'
import type { SignUpStart } from '../features/sign-up/sign-up-flow.ts'
import { useT } from '../i18n/i18n-provider.tsx'
import { whenIdle } from '../ui/idle.ts'

const loadSignUp = () => import('../features/sign-up/sign-up-screen.tsx')
const SignUpScreen = lazy(loadSignUp)

type Screen =
  | {
      kind: 'sign-in'
      username?: string
      notice?: Notice
      failure?: AuthFailure
      signInWith?: { username: string; password: string }
    }
  | { kind: 'sign-up'; start: SignUpStart; password?: string }

export type SignedOutProps = Omit<SignInScreenProps, 'onCreateAccount' | 'onUnconfirmed' | 'signInWith'> & {
  /** Local emulator: sign-up says where confirmation codes appear. */
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
  // Creating an account is one click away on the form: fetch it while the user reads.
  useEffect(() => whenIdle(() => void loadSignUp().catch(() => {})), [])

  if (screen.kind === 'sign-up') {
    return (
      <Suspense
        fallback={
          <Flex className="waiting" alignItems="center" justifyContent="center" gap="small" role="status">
            <Loader aria-hidden />
            <Text>{t('app.loadingScreen')}</Text>
          </Flex>
        }
      >
        <SignUpScreen
          auth={signIn.auth}
          start={screen.start}
          password={screen.password}
          localMode={localMode}
          onConfirmed={(username, password) =>
            setScreen(
              password === undefined
                ? { kind: 'sign-in', username, notice: 'account-confirmed' }
                : { kind: 'sign-in', username, signInWith: { username, password } },
            )
          }
          onBackToSignIn={(username, failure) => setScreen({ kind: 'sign-in', username, failure })}
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
    />
  )
}
