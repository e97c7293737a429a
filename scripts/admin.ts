// npm run admin -- <command>: the pool check and the support commands (README, "Checking an
// existing pool" and "Support: a user lost their phone"). The work is in scripts/admin/.
import { runAdmin } from './admin/run.ts'
import { terminalDeps } from './admin/terminal.ts'

const deps = terminalDeps()
runAdmin(process.argv.slice(2), deps)
  .then((code) => {
    process.exitCode = code
  })
  .catch((error: unknown) => {
    console.error('admin: unexpected error:', error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(() => deps.close())
