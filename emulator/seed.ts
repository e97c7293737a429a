import type { Deps } from './deps.ts'
import { adminCreateUser } from './operations/admin-create-user.ts'
import { adminSetUserPassword } from './operations/admin-set-user-password.ts'
import { createUserPool } from './operations/create-user-pool.ts'
import { createUserPoolClient } from './operations/create-user-pool-client.ts'
import { setUserPoolMfaConfig } from './operations/set-user-pool-mfa-config.ts'
import type { MfaConfiguration } from './state/model.ts'

/** Demo users of a fresh local pool. Local-only accounts: their passwords are printed at start. */
type DemoUser = { username: string; email: string; password: string; permanent: boolean; note: string }
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
        note: 'no authenticator yet: set it up in Security',
      },
      {
        username: 'dave',
        email: 'dave@example.com',
        password: 'Dave-temp-2026!',
        permanent: false,
        note: 'admin-created: must choose a new password',
      },
    ],
  },
  {
    name: 'Demo - MFA required',
    mfa: 'ON',
    users: [
      { username: 'bob', email: 'bob@example.com', password: 'Bob-demo-2026!', permanent: true, note: 'sets up the authenticator during sign-in' },
    ],
  },
]

export type LocalPool = {
  name: string
  userPoolId: string
  clientId: string
  mfaConfiguration: MfaConfiguration
  users: Array<Omit<DemoUser, 'permanent'>>
}

/** Creates the demo pools through the emulator's own operations, the way a seed script would call AWS. */
export async function seedDemoPools(deps: Deps): Promise<void> {
  for (const demo of DEMO_POOLS) {
    const { UserPool } = await createUserPool({ PoolName: demo.name, UsernameConfiguration: { CaseSensitive: false } }, deps)
    // The SDK's type leaves every response member optional; CreateUserPool always sets it.
    const poolId = UserPool?.Id
    if (!poolId) throw new Error('CreateUserPool answered without a pool id')
    // CreateUserPool cannot turn TOTP on; SetUserPoolMfaConfig does (docs/cognito-behaviour.md#pool-mfa-configuration).
    await setUserPoolMfaConfig({ UserPoolId: poolId, MfaConfiguration: demo.mfa, SoftwareTokenMfaConfiguration: { Enabled: true } }, deps)
    await createUserPoolClient(
      {
        UserPoolId: poolId,
        ClientName: 'cognito-totp-web',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
      },
      deps,
    )
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
}

/** The pools as the app's local mode and the start-up banner see them. */
export function localPools(deps: Deps): LocalPool[] {
  return deps.store.listPools().flatMap((pool) => {
    const client = deps.store.listClients(pool.id)[0]
    if (!client) return []
    const demo = DEMO_POOLS.find((candidate) => candidate.name === pool.name)
    const users = (demo?.users ?? [])
      .filter((user) => deps.store.findUser(pool, user.username))
      .map(({ username, email, password, note }) => ({ username, email, password, note }))
    return [{ name: pool.name, userPoolId: pool.id, clientId: client.clientId, mfaConfiguration: pool.mfaConfiguration, users }]
  })
}
