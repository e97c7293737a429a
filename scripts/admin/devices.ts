// `npm run admin -- devices USER` and `forget-devices USER`: the words for a user's remembered devices
// (issue 13, ADR 024). The calls are in run.ts; this file only reads DeviceType and prints it.
import type { DeviceType } from '@aws-sdk/client-cognito-identity-provider'
import { printable } from '../../emulator/printable.ts'

/** One device as the commands report it (`--json` prints these). */
export type DeviceSummary = { key: string; name: string; remembered: boolean; lastSignIn?: string; created?: string }

// A browser's name is its user agent (what Amplify sends as DeviceName): long, so cut for one line.
const NAME_WIDTH = 60

export function deviceSummary(device: DeviceType): DeviceSummary {
  const attribute = (name: string) => device.DeviceAttributes?.find((item) => item.Name === name)?.Value
  return {
    key: device.DeviceKey ?? '',
    name: attribute('device_name') ?? '',
    remembered: attribute('dev:device_remembered_status') === 'remembered',
    ...(device.DeviceLastAuthenticatedDate ? { lastSignIn: device.DeviceLastAuthenticatedDate.toISOString() } : {}),
    ...(device.DeviceCreateDate ? { created: device.DeviceCreateDate.toISOString() } : {}),
  }
}

/**
 * The lines of `devices USER`: one per device, remembered ones first. The name is the user's own text
 * (ConfirmDevice's DeviceName), so it is escaped before it reaches the terminal.
 */
export function formatDevices(username: string, devices: readonly DeviceSummary[]): string[] {
  if (devices.length === 0) return [`${printable(username)} has no tracked devices: every sign-in asks for the authenticator code.`]
  const remembered = devices.filter((device) => device.remembered)
  const ordered = [...remembered, ...devices.filter((device) => !device.remembered)]
  return [
    `${printable(username)} has ${devices.length} tracked device${devices.length === 1 ? '' : 's'}, ${remembered.length} remembered (a remembered one signs in without the authenticator code):`,
    ...ordered.map((device) => {
      const name = printable(device.name || '(no name)')
      const shown = name.length > NAME_WIDTH ? `${name.slice(0, NAME_WIDTH - 1)}…` : name
      const status = device.remembered ? 'remembered    ' : 'not remembered'
      return `  ${status}  last sign-in ${device.lastSignIn ?? 'unknown'}  ${shown}  (${device.key})`
    }),
  ]
}
