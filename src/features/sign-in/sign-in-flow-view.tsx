// The sign-in flow once the user has acted on the form: the hook that talks to Cognito and every
// step it leads to. Loaded lazily (see sign-in-screen.tsx).
import { Text } from '@aws-amplify/ui-react'
import { messages as laterFailures } from '../../auth/later-failure-messages.ts'
import { useT, withMessages } from '../../i18n/i18n-provider.tsx'
import { messages as later } from '../../i18n/later-messages.ts'
import { CredentialsStep } from './credentials-step.tsx'
import SignInSteps from './sign-in-steps.tsx'
import type { SignInScreenProps } from './sign-in-screen.tsx'
import type { FirstAction } from './sign-in-flow.ts'
import { messages } from './step-messages.ts'
import { useSignIn } from './use-sign-in.ts'

function SignInFlowView({ issuer, support, beforeForm, onCreateAccount, firstAction, ...options }: SignInScreenProps & { firstAction: FirstAction }) {
  const t = useT()
  const flow = useSignIn({ ...options, firstAction })
  const { state } = flow
  switch (state.step) {
    case 'credentials':
    case 'checking-credentials':
      return (
        <CredentialsStep
          username={state.username}
          failure={state.step === 'credentials' ? state.failure : undefined}
          notice={state.step === 'credentials' ? state.notice : undefined}
          pending={state.step === 'checking-credentials'}
          onSubmit={flow.submitCredentials}
          onSignUp={onCreateAccount}
          onForgotPassword={options.onResetPassword}
          beforeForm={beforeForm}
        />
      )
    case 'signed-in':
      return <Text role="status">{t('signIn.signedIn')}</Text>
    case 'unconfirmed':
    case 'reset-required':
      // Handed over to the confirmation step or the password reset (see useSignIn's hand-overs).
      return null
    default:
      return <SignInSteps flow={flow} state={state} clock={options.clock} issuer={issuer} support={support} beforeForm={beforeForm} />
  }
}

// The steps' words come with this chunk; the form shown again inside the flow (e.g. "already
// confirmed") can say any later failure too.
export default withMessages([later, laterFailures, messages], SignInFlowView)
