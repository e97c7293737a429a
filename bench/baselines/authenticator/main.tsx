// What a team would pick instead: Amplify UI's <Authenticator>, set up as its documentation shows
// (styles.css, Amplify.configure), signing in by username with TOTP as the MFA type.
import '@aws-amplify/ui-react/styles.css'
import { Authenticator } from '@aws-amplify/ui-react'
import { Amplify } from 'aws-amplify'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { benchPool } from '../pool.ts'

Amplify.configure({
  Auth: {
    Cognito: {
      ...benchPool,
      loginWith: { username: true },
      mfa: { status: 'on', totpEnabled: true, smsEnabled: false },
    },
  },
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Authenticator loginMechanisms={['username']} formFields={{ setupTotp: { QR: { totpIssuer: 'Cognito TOTP' } } }}>
      {({ signOut, user }) => (
        <main>
          <p>Signed in as {user?.username}</p>
          <button onClick={signOut}>Sign out</button>
        </main>
      )}
    </Authenticator>
  </StrictMode>,
)
