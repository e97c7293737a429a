import type { Deps } from './deps.ts'
import { adminCreateUser } from './operations/admin-create-user.ts'
import { adminSetUserPassword } from './operations/admin-set-user-password.ts'
import { passwordMatches } from './auth/password.ts'
import { activeFactors } from './auth/sign-in.ts'
import type { MfaConfiguration, PoolRecord, UserRecord } from './state/model.ts'
import { bootTemplate, POOL_TEMPLATE, readTemplate, type Template } from './template.ts'

/** Demo users of a fresh local pool. Local-only accounts: their passwords are printed at start. */
type DemoUser = { username: string; email: string; password: string; permanent: boolean }
type DemoPool = { name: string; mfa: Exclude<MfaConfiguration, 'OFF'>; users: DemoUser[] }

export const DEMO_POOLS: DemoPool[] = [
  {
    name: 'Demo - MFA optional',
    mfa: 'OPTIONAL',
    users: [
      {
        username: 'alice',
        email: 'alice@example.com',
        password: 'Alice-demo-2026!',
        permanent: true,
      },
      {
        username: 'dave',
        email: 'dave@example.com',
        password: 'Dave-temp-2026!',
        permanent: false,
      },
    ],
  },
  {
    name: 'Demo - MFA required',
    mfa: 'ON',
    users: [{ username: 'bob', email: 'bob@example.com', password: 'Bob-demo-2026!', permanent: true }],
  },
]

/** A user as the start-up banner shows them: read from the pool's state at the moment it is printed. */
export type LocalUser = {
  username: string
  email: string
  /** The demo password this user was created with (for a temporary one, the temporary password). */
  password: string
  /** The demo password still signs this user in (not changed, not reset by an administrator): the banner shows it. */
  passwordWorks: boolean
  /** What the next sign-in does, from the user's status, password, the pool's MFA and the user's authenticator. */
  note: string
}

export type LocalPool = {
  name: string
  userPoolId: string
  clientId: string
  mfaConfiguration: MfaConfiguration
  users: LocalUser[]
}

/**
 * Parameters the demo pools differ from a production stack in, each for a reason: the admin
 * sign-in of the article (`npm run admin -- test-sign-in`, the CLI contract tests), and legacy
 * existence errors so the local app (and its tests) can show "no such account".
 */
const DEMO_PARAMETERS = { AllowAdminUserPasswordAuth: 'true', PreventUserExistenceErrors: 'LEGACY' }

/**
 * Creates the demo pools from infra/user-pool.yaml, with its own CreateUserPool /
 * SetUserPoolMfaConfig / CreateUserPoolClient, the way a deployment of that template would.
 */
export async function seedDemoPools(deps: Deps, template: Template = readTemplate(POOL_TEMPLATE)): Promise<void> {
  const unmodeled = new Set<string>()
  for (const demo of DEMO_POOLS) {
    const booted = await bootTemplate(template, { ...DEMO_PARAMETERS, PoolName: demo.name, Mfa: demo.mfa }, deps)
    booted.unmodeled.forEach((name) => unmodeled.add(name))
    const poolId = booted.physicalIds.UserPool
    if (!poolId) throw new Error('the pool template has no UserPool resource')
    for (const user of demo.users) {
      await adminCreateUser(
        {
          UserPoolId: poolId,
          Username: user.username,
          TemporaryPassword: user.password,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: user.email },
            { Name: 'email_verified', Value: 'true' },
          ],
        },
        deps,
      )
      if (user.permanent) await adminSetUserPassword({ UserPoolId: poolId, Username: user.username, Password: user.password, Permanent: true }, deps)
    }
  }
  if (unmodeled.size > 0) deps.log(`the pool template sets what the local pool does not model: ${[...unmodeled].join(', ')}`)
}

/** The pools as the app's local mode and the start-up banner see them, the demo users in their current state. */
export function localPools(deps: Deps): LocalPool[] {
  return deps.store.listPools().flatMap((pool) => {
    // The app runs in a browser, which cannot keep a client secret: it is only ever given a public client.
    const client = deps.store.listClients(pool.id).find((candidate) => candidate.clientSecret === undefined)
    if (!client) return []
    const demo = DEMO_POOLS.find((candidate) => candidate.name === pool.name)
    const users = (demo?.users ?? []).flatMap(({ username, email, password }): LocalUser[] => {
      const user = deps.store.findUser(pool, username)
      if (!user) return []
      // An administrator's reset keeps the verifier, but the old password no longer signs in (PasswordResetRequiredException).
      const changed = user.status !== 'RESET_REQUIRED' && !passwordMatches(pool, user, password)
      const passwordWorks = user.status !== 'RESET_REQUIRED' && !changed
      return [{ username, email, password, passwordWorks, note: `${changed ? 'password changed; ' : ''}${nextSignIn(pool, user)}` }]
    })
    return [{ name: pool.name, userPoolId: pool.id, clientId: client.clientId, mfaConfiguration: pool.mfaConfiguration, users }]
  })
}

/**
 * What the user's next sign-in asks for, in the words of the banner. The same rules as the sign-in
 * itself (auth/sign-in.ts), so the banner cannot say "no authenticator yet" once one is on.
 */
export function nextSignIn(pool: PoolRecord, user: UserRecord): string {
  if (!user.enabled) return 'disabled: cannot sign in'
  switch (user.status) {
    case 'UNCONFIRMED':
      return 'signed up, not confirmed: enter the code printed here'
    case 'RESET_REQUIRED':
      return 'password reset by an administrator: choose a new one with "Forgot your password?"; the code is printed here'
    case 'FORCE_CHANGE_PASSWORD':
      return 'temporary password: must choose a new password at sign-in'
    case 'CONFIRMED':
      break
  }
  if (activeFactors(pool, user).includes('SOFTWARE_TOKEN_MFA')) {
    const device = user.totp.deviceName ? ` (${user.totp.deviceName})` : ''
    return `authenticator app on${device}: sign-in asks for its code`
  }
  if (pool.mfaConfiguration === 'ON') return 'no authenticator: sets one up during sign-in'
  if (user.totp.pendingSecret !== undefined) return 'authenticator setup not finished: sign-in asks for no code; finish it in Security'
  if (user.totp.activeSecret !== undefined) return 'authenticator app turned off: sign-in asks for no code'
  return 'no authenticator yet: set it up in Security'
}
