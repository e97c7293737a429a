import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react'
import { withMessages } from '../../i18n/i18n-provider.tsx'
import type { SupportContact } from '../../config/app-config.ts'
import { whenIdle } from '../../ui/idle.ts'
import { oneShot } from '../../ui/one-shot.ts'
import { CredentialsStep } from './credentials-step.tsx'
import { messages } from './form-messages.ts'
import type { FirstAction, SignInWith } from './sign-in-flow.ts'
import type { UseSignInOptions } from './use-sign-in.ts'

// The first screen is only the form. The flow behind it (the state machine, every later step,
// and the calls to Cognito) needs the lazily loaded Amplify library anyway, so it loads lazily
// too: in the background while the user types, and at the latest on the first submit.
const loadFlow = () => import('./sign-in-flow-view.tsx')
const SignInFlowView = lazy(loadFlow)

export type SignInScreenProps = Omit<UseSignInOptions, 'firstAction'> & {
  /** The app's name: the entry's title in the phone's authenticator app (set up during sign-in). */
  issuer: string
  /** Where the code step's "Can't use your authenticator app?" help sends the user (absent: the administrator). */
  support?: SupportContact
  /** Shown above the sign-in form (the local pool picker). */
  beforeForm?: ReactNode
  /** "Create an account": the sign-up feature takes over (the app wires it), with the username sign-in knows. */
  onCreateAccount(username: string): void
  /** Sign in at once with these (sign-up hands them over once the account is confirmed); the password is taken once. */
  signInWith?: SignInWith
}

function SignInScreenView({ signInWith, ...props }: SignInScreenProps) {
  const [firstAction, setFirstAction] = useState<FirstAction | undefined>(() => (signInWith ? { kind: 'sign-in', ...signInWith } : undefined))
  useEffect(() => whenIdle(() => void loadFlow().catch(() => {})), [])
  const username = firstAction ? firstAction.username : (props.initialUsername ?? '')
  // Until the flow has loaded, the form stands in for it (busy once submitted).
  const form = (
    <CredentialsStep
      username={username}
      notice={firstAction ? undefined : props.initialNotice}
      failure={firstAction ? undefined : props.initialFailure}
      pending={firstAction !== undefined}
      onSubmit={(name, password) => setFirstAction({ kind: 'sign-in', username: name, takePassword: oneShot(password) })}
      onSignUp={props.onCreateAccount}
      onForgotPassword={props.onResetPassword}
      beforeForm={props.beforeForm}
    />
  )
  return (
    <section className="panel">
      {firstAction ? (
        <Suspense fallback={form}>
          <SignInFlowView {...props} firstAction={firstAction} />
        </Suspense>
      ) : (
        form
      )}
    </section>
  )
}

// The form's words are the first screen's; the flow brings the rest (sign-in-flow-view.tsx).
export const SignInScreen = withMessages([messages], SignInScreenView)
