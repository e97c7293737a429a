// Remembered browsers: Cognito's remembered devices, as this app calls them (ADR 025), so they never
// mix with the authenticator's "device name" (device-names.ts, the phone's friendly name).
//
// A remembered browser answers sign-in with its device key (DEVICE_SRP_AUTH) instead of the
// authenticator's code (docs/cognito-behaviour.md#remembered-devices). ListDevices lists only the
// remembered ones. Cognito keeps, as the device's name, what the client sent with ConfirmDevice:
// Amplify sends the browser's user agent (its User-Agent Client Hints when the browser has them,
// else navigator.userAgent), which no one wants to read. `readableName` turns it into a browser and
// a platform from a short list of names it knows; anything else stays unknown rather than guessed.

export type RememberedBrowser = {
  /** Cognito's DeviceKey. */
  id: string
  /** The browser and platform read from the name Amplify gave the device; either may be unknown. */
  name: ReadableName
  /** When the device last signed in (DeviceLastAuthenticatedDate), in ms since the epoch, when Cognito says. */
  lastSignedInAt?: number
  /** The device key this browser holds: the list's "This browser". */
  thisBrowser: boolean
}

export type RememberedBrowsers = {
  browsers: RememberedBrowser[]
  /**
   * "Don't ask for a code on this browser" was chosen at this page's latest sign-in and remembering
   * failed (the sign-in itself went on): the page says so, once.
   */
  rememberFailed: boolean
}

export type ReadableName = { browser?: KnownBrowser; platform?: KnownPlatform }

export type KnownBrowser = 'Chrome' | 'Edge' | 'Firefox' | 'Safari' | 'Opera' | 'Samsung Internet' | 'Brave' | 'Chromium'
export type KnownPlatform = 'Windows' | 'macOS' | 'iOS' | 'iPadOS' | 'Android' | 'ChromeOS' | 'Linux'

// Client Hints brand names (Sec-CH-UA), in the order they win: a browser lists Chromium and a
// "Not A Brand" decoy beside its own name.
const brands: ReadonlyArray<[string, KnownBrowser]> = [
  ['Microsoft Edge', 'Edge'],
  ['Opera', 'Opera'],
  ['Samsung Internet', 'Samsung Internet'],
  ['Brave', 'Brave'],
  ['Google Chrome', 'Chrome'],
  ['HeadlessChrome', 'Chrome'],
  ['Chromium', 'Chromium'],
]

const chPlatforms: ReadonlyArray<[string, KnownPlatform]> = [
  ['Windows', 'Windows'],
  ['macOS', 'macOS'],
  ['Android', 'Android'],
  ['Chrome OS', 'ChromeOS'],
  ['ChromeOS', 'ChromeOS'],
  ['iOS', 'iOS'],
  ['Linux', 'Linux'],
]

// navigator.userAgent tokens, most specific first: Edge and Opera also say "Chrome", Chrome also says "Safari".
const uaBrowsers: ReadonlyArray<[RegExp, KnownBrowser]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|HeadlessChrome)\//, 'Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
]

const uaPlatforms: ReadonlyArray<[RegExp, KnownPlatform]> = [
  [/\biPhone\b|\biPod\b/, 'iOS'],
  [/\biPad\b/, 'iPadOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/i, 'Linux'],
]

/**
 * The browser and platform in the name Amplify gave a device (`getDeviceName`): either the user
 * agent string, or the Client Hints joined as `platform version architecture model platform
 * brand/version;brand/version…`. Unknown parts stay undefined.
 */
export function readableName(deviceName: string | undefined): ReadableName {
  if (!deviceName) return {}
  if (/^Mozilla\//.test(deviceName)) {
    return {
      browser: uaBrowsers.find(([pattern]) => pattern.test(deviceName))?.[1],
      platform: uaPlatforms.find(([pattern]) => pattern.test(deviceName))?.[1],
    }
  }
  const listed = deviceName
    .split(';')
    .map((part) => part.slice(0, part.lastIndexOf('/')).trim())
    .filter(Boolean)
  // The first part also carries the platform fields in front of the first brand.
  const has = (brand: string) => listed.some((entry) => entry === brand || entry.endsWith(` ${brand}`))
  return {
    browser: brands.find(([brand]) => has(brand))?.[1],
    platform: chPlatforms.find(([name]) => deviceName.startsWith(`${name} `))?.[1],
  }
}
