// `npm run reset`: deletes the local pool's state, so the next `npm start` seeds fresh demo pools and
// users. Refuses while `npm start` holds the state (it would write its pools back on the next request).
import { StateFiles, StateInUseError } from '../emulator/state/state-files.ts'
import { printable } from '../emulator/printable.ts'
import { STATE_FILE } from './start-options.ts'

try {
  const removed = StateFiles.remove(STATE_FILE)
  console.log(
    removed
      ? `Deleted the local pool's state (${STATE_FILE}): the next npm start seeds fresh demo users.`
      : `No local pool state at ${STATE_FILE}: nothing to reset.`,
  )
} catch (error) {
  if (!(error instanceof StateInUseError)) throw error
  console.error(printable(`${error.message} (stop npm start with Ctrl+C, then run npm run reset again)`))
  process.exitCode = 1
}
