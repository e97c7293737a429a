// The remembered-browsers part of the Amplify gateway (ADR 025): this browser's device key, remembering
// it at the end of a sign-in when the user chose it, and listing and forgetting the user's remembered
// devices. Loaded with amplify-auth-gateway.ts, which makes one per gateway and answers the
// AuthGateway calls about remembered browsers with it; the words and readable names are in
// remembered-browsers.ts.
import type { FetchDevicesOutput, ForgetDeviceInput } from 'aws-amplify/auth'
import { AUTH_KEY_PREFIX, createKeysForAuthStorage } from 'aws-amplify/adapter-core'
import { defaultStorage, sessionStorage } from 'aws-amplify/utils'
import type { PoolConfig, TokenStorage } from '../config/app-config.ts'
import type { CodeStepOptions, SignInStep } from './auth-gateway.ts'
import { forgetEvidence, recallEvidence } from './authenticator-evidence.ts'
import { readableName, type RememberedBrowser, type RememberedBrowsers } from './remembered-browsers.ts'

/** The Amplify calls it makes, each already bound to the gateway's pool. */
export type DeviceCalls = {
  fetchDevices(): Promise<FetchDevicesOutput>
  forgetDevice(input?: ForgetDeviceInput): Promise<void>
  rememberDevice(): Promise<void>
}

export type BrowserMemory = {
  /** The device key Amplify holds for this user in this browser, if any. */
  deviceKeyOf(username: string): Promise<string | undefined>
  /** At the end of a sign-in: remembers this browser when the user chose it; a failure is said on the Security page, not here. */
  rememberIfChosen(step: SignInStep, options: CodeStepOptions | undefined): Promise<SignInStep>
  /** A new sign-in or a sign-out: an earlier failure to remember is no longer this page's news. */
  clearRememberFailed(): void
  /** Whether Cognito lists this browser's device key among the user's remembered devices. */
  isRemembered(username: string): Promise<boolean>
  list(): Promise<RememberedBrowsers>
  forget(id: string): Promise<void>
  forgetAll(): Promise<void>
  /** This browser's own device, from the pool and from Amplify's storage (a session-storage sign-out). */
  forgetThisDevice(): Promise<void>
}

export function createBrowserMemory({
  pool,
  tokenStorage,
  amplify,
  currentUsername,
}: {
  pool: PoolConfig
  tokenStorage: TokenStorage
  amplify: DeviceCalls
  currentUsername(): Promise<string | undefined>
}): BrowserMemory {
  // "Don't ask for a code on this browser" was chosen at this page's latest sign-in and
  // remembering failed; the sign-in went on, and the Security page says so (ADR 025).
  let rememberFailed = false
  const amplifyStorage = () => (tokenStorage === 'session' ? sessionStorage : defaultStorage)
  const keysOf = (username: string) => createKeysForAuthStorage(AUTH_KEY_PREFIX, `${pool.userPoolClientId}.${username}`)

  /**
   * The device key Amplify holds for this user in this browser (Cognito's NewDeviceMetadata, kept
   * beside the tokens: ADR 010), under the key names Amplify's public createKeysForAuthStorage gives.
   */
  async function deviceKeyOf(username: string): Promise<string | undefined> {
    try {
      return (await amplifyStorage().getItem(keysOf(username).deviceKey)) ?? undefined
    } catch {
      return undefined
    }
  }

  /**
   * ListDevices, the remembered devices only. Reports have AWS list only remembered ones; the
   * DeviceType may also carry `dev:device_remembered_status`, and a device that says
   * `not_remembered` there skips no code, so it is left out (docs/cognito-behaviour.md#device-operations).
   */
  async function rememberedDevices() {
    const devices = await amplify.fetchDevices()
    return devices.filter((device) => (device.attributes?.['dev:device_remembered_status'] ?? 'remembered') === 'remembered')
  }

  /**
   * ForgetDevice. Amplify clears its own device metadata when the key is this browser's, so the next
   * sign-in here is a new device that asks for the code. Already forgotten (elsewhere, or a second
   * click): what the user asked for is done. A sign-in here that skipped the code because this
   * browser was remembered then stops counting as evidence either way (ADR 025).
   */
  async function forget(id: string): Promise<void> {
    const username = await currentUsername()
    const mine = username ? await deviceKeyOf(username) : undefined
    try {
      await amplify.forgetDevice({ device: { id } })
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ResourceNotFoundException')) throw error
    }
    if (username && id === mine && recallEvidence(pool.userPoolId, username, tokenStorage) === 'not-asked-known-browser') {
      forgetEvidence(pool.userPoolId, username, tokenStorage)
    }
  }

  return {
    deviceKeyOf,
    forget,

    /**
     * Amplify confirmed the device itself when Cognito handed out NewDeviceMetadata (ConfirmDevice,
     * inside signIn and confirmSignIn); a pool that tracks no devices gave none, and rememberDevice
     * then fails as any failure does here: not the sign-in's, said on the Security page instead.
     */
    async rememberIfChosen(step, options) {
      rememberFailed = false
      if (step.step !== 'done' || !options?.rememberBrowser) return step
      try {
        await amplify.rememberDevice()
      } catch (error) {
        rememberFailed = true
        console.debug(`[auth] remembering this browser failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`)
      }
      return step
    },

    clearRememberFailed() {
      rememberFailed = false
    },

    async isRemembered(username) {
      const mine = await deviceKeyOf(username)
      if (!mine) return false
      return (await rememberedDevices()).some((device) => device.id === mine)
    },

    async list() {
      const [devices, username] = await Promise.all([rememberedDevices(), currentUsername()])
      const mine = username ? await deviceKeyOf(username) : undefined
      const browsers = devices.map((device): RememberedBrowser => ({
        id: device.id,
        name: readableName(device.name),
        lastSignedInAt: device.lastAuthenticatedDate?.getTime(),
        thisBrowser: mine !== undefined && device.id === mine,
      }))
      return { browsers, rememberFailed }
    },

    async forgetAll() {
      // ListDevices gives at most 60 a page (Amplify asks for 60 and reads no further page): forget
      // them, and list again until none is left, so a user with more loses them all too.
      for (let round = 0; round < 10; round++) {
        const devices = await rememberedDevices()
        if (devices.length === 0) return
        for (const device of devices) await forget(device.id)
      }
    },

    /**
     * ForgetDevice for this browser's own device, which also drops Amplify's keys for it; when that
     * cannot be done (no session left, offline), the keys are removed here all the same.
     */
    async forgetThisDevice() {
      const username = await currentUsername()
      if (!username || !(await deviceKeyOf(username))) return
      try {
        await amplify.forgetDevice()
      } catch (error) {
        console.debug(`[auth] forgetting this browser's device failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`)
      }
      const keys = keysOf(username)
      for (const key of [keys.deviceKey, keys.deviceGroupKey, keys.randomPasswordKey]) await amplifyStorage().removeItem(key)
    },
  }
}
