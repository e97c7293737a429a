// What `npm start` prints once the app and the local pool are up. Built from the pool's state when it
// is printed (emulator/seed.ts localPools), so a user who changed their password or set up an
// authenticator is shown as they are now, not as they were seeded.
import { userLine } from '../emulator/banner.ts'
import { printable } from '../emulator/printable.ts'
import type { LocalPool } from '../emulator/seed.ts'

export function startBanner(appUrl: string, poolUrl: string, stateFile: string, pools: readonly LocalPool[]): string {
  const lines = ['', `  Cognito TOTP  ${appUrl}`, `  Local Cognito user pool  ${poolUrl}  (state: ${stateFile})`]
  if (pools.length === 0) {
    lines.push('', '  No pools (--no-seed): the app says so until a pool and app client exist (CreateUserPool, CreateUserPoolClient).')
  }
  for (const local of pools) {
    lines.push('', `  ${local.name} (MFA ${local.mfaConfiguration})  UserPoolId ${local.userPoolId}  ClientId ${local.clientId}`)
    for (const user of local.users) lines.push(`    ${userLine(user)}`)
  }
  lines.push(
    '',
    '  Sign-up confirmation codes and password-reset codes ("Forgot your password?") appear in this terminal.',
    '  Stop with Ctrl+C (the pool keeps its state); start again from fresh demo users with `npm run reset`.',
    '',
  )
  // Pool and user names come from the state file: escaped, so none can forge a line.
  return lines.map(printable).join('\n')
}
