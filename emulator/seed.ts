import type { Deps } from './deps.ts'
import { adminCreateUser } from './operations/admin-create-user.ts'
import { adminSetUserPassword } from './operations/admin-set-user-password.ts'
import type { MfaConfiguration } from './state/model.ts'
import { bootTemplate, POOL_TEMPLATE, readTemplate, type Template } from './template.ts'

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
