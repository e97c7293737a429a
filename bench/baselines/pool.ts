// The made-up user pool every first-screen build is configured with (bench/first-screen.ts): a real
// pool's shape, so the app takes its real-pool path and the Authenticator configures Amplify, and
// nothing waits on the network (no session is stored, so nobody calls Cognito before the form).
export const benchPool = {
  userPoolId: 'us-east-1_BenchFirst1',
  userPoolClientId: '1bench2first3screen4client5',
}
