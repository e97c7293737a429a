// SignUp's CodeDeliveryDetails as Cognito answers (issue 12, difference 5): only a pool that
// auto-verifies an address the user gave names a delivery; one that verifies nothing sends nothing,
// and Amplify then still asks for a code (CONFIRM_SIGN_UP) with no destination, which the app shows
// without one. UserConfirmed stays false: only a PreSignUp trigger confirms, and there are none here.
import { CreateUserPoolClientCommand, CreateUserPoolCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider'
import { Amplify } from 'aws-amplify'
import { signUp } from 'aws-amplify/auth'
import { ConsoleLogger } from 'aws-amplify/utils'
import { sdkClient, uniqueName, useLocalPool } from './harness.ts'

const local = useLocalPool()
const PASSWORD = 'Corr3ct-Horse!'

async function poolVerifying(attributes: ('email' | 'phone_number')[]): Promise<{ userPoolId: string; clientId: string }> {
  const sdk = sdkClient(local.emulator.url)
  const { UserPool } = await sdk.send(new CreateUserPoolCommand({ PoolName: uniqueName('delivery'), AutoVerifiedAttributes: attributes }))
  const { UserPoolClient } = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id, ClientName: 'web' }))
  return { userPoolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! }
}

test('the AWS SDK: delivery details from a pool that auto-verifies email, none from one that verifies nothing', async () => {
  const sdk = sdkClient(local.emulator.url)
  const email = [{ Name: 'email', Value: 'erin@example.com' }]
  const verifying = await poolVerifying(['email'])
  const sent = await sdk.send(new SignUpCommand({ ClientId: verifying.clientId, Username: 'erin', Password: PASSWORD, UserAttributes: email }))
  expect(sent).toMatchObject({
    UserConfirmed: false,
    CodeDeliveryDetails: { Destination: 'e***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
  })
  const silent = await poolVerifying([])
  const none = await sdk.send(new SignUpCommand({ ClientId: silent.clientId, Username: 'erin', Password: PASSWORD, UserAttributes: email }))
  expect(none.UserConfirmed).toBe(false)
  expect(none.CodeDeliveryDetails).toBeUndefined()
})

test('Amplify: a pool that verifies nothing still leads to CONFIRM_SIGN_UP, with no delivery details', async () => {
  const silent = await poolVerifying([])
  ConsoleLogger.LOG_LEVEL = 'ERROR'
  Amplify.configure({ Auth: { Cognito: { userPoolId: silent.userPoolId, userPoolClientId: silent.clientId, userPoolEndpoint: local.emulator.url } } })
  const result = await signUp({ username: 'frank', password: PASSWORD, options: { userAttributes: { email: 'frank@example.com' } } })
  expect(result.isSignUpComplete).toBe(false)
  expect(result.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP')
  // Amplify fills its object from the absent member: every field undefined, no destination to show.
  const details = result.nextStep.signUpStep === 'CONFIRM_SIGN_UP' ? result.nextStep.codeDeliveryDetails : undefined
  expect(details?.destination).toBeUndefined()
  expect(details?.deliveryMedium).toBeUndefined()
})
