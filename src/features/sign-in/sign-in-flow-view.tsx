// The sign-in flow once the user has acted on the form: the hook that talks to Cognito and every
// step it leads to. Loaded lazily (see sign-in-screen.tsx).
import { Text } from '@aws-amplify/ui-react'
import { useT } from '../../i18n/i18n-provider.tsx'
import { CredentialsStep } from './credentials-step.tsx'
import SignInSteps from './sign-in-steps.tsx'
import type { SignInScreenProps } from './sign-in-screen.tsx'
import type { FirstAction } from './sign-in-flow.ts'
import { useSignIn } from './use-sign-in.ts'

export default function SignInFlowView({
  issuer,
  localMode = false,
  beforeForm,
  firstAction,
  ...options
}: SignInScreenProps & { firstAction: FirstAction }) {
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
          onSignUp={flow.startSignUp}
          beforeForm={beforeForm}
        />
      )
    case 'signed-in':
      return <Text role="status">{t('signIn.signedIn')}</Text>
    default:
      return (
        <SignInSteps
          flow={flow}
          state={state}
          clock={options.clock}
          issuer={issuer}
          localMode={localMode}
          beforeForm={beforeForm}
        />
      )
  }
}
