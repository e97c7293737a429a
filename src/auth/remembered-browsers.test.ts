import { describe, expect, test } from 'vitest'
import { readableName } from './remembered-browsers.ts'

describe('readableName: what Amplify named the device, as a browser and a platform', () => {
  // Amplify's getDeviceName joins the Client Hints: platform, version, architecture, model, platform again, brands.
  test.each([
    ['macOS 14.2.1 arm macOS Not A(Brand/99.0.0.0;Google Chrome/121.0.6167.160;Chromium/121.0.6167.160', 'Chrome', 'macOS'],
    ['Windows 15.0.0 x86 Windows Microsoft Edge/120.0.2210.91;Not_A Brand/8.0.0.0;Chromium/120.0.6099.130', 'Edge', 'Windows'],
    ['Android 14.0.0 Pixel 7 Android Not_A Brand/8.0.0.0;Chromium/120.0.6099.230;Google Chrome/120.0.6099.230', 'Chrome', 'Android'],
    ['Linux 6.5.0 x86 Linux Chromium/131.0.6778.85;Not_A Brand/24.0.0.0', 'Chromium', 'Linux'],
    ['Chrome OS 15633.69.0 x86 Chrome OS Google Chrome/119.0.6045.212;Chromium/119.0.6045.212;Not?A_Brand/24.0.0.0', 'Chrome', 'ChromeOS'],
    ['Windows 10.0.0 x86 Windows Opera/106.0.4998.19;Chromium/120.0.6099.130;Not_A Brand/8.0.0.0', 'Opera', 'Windows'],
  ] as const)('Client Hints %s → %s on %s', (name, browser, platform) => {
    expect(readableName(name)).toEqual({ browser, platform })
  })

  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Chrome', 'Windows'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
      'Edge',
      'Windows',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:109.0) Gecko/20100101 Firefox/115.0', 'Firefox', 'macOS'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15', 'Safari', 'macOS'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
      'Safari',
      'iOS',
    ],
    [
      'Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
      'Chrome',
      'iPadOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
      'Samsung Internet',
      'Android',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0', 'Firefox', 'Linux'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36', 'Chrome', 'ChromeOS'],
  ] as const)('user agent %s → %s on %s', (name, browser, platform) => {
    expect(readableName(name)).toEqual({ browser, platform })
  })

  test('what it does not recognise stays unknown, never guessed', () => {
    expect(readableName(undefined)).toEqual({})
    expect(readableName('')).toEqual({})
    expect(readableName('my laptop')).toEqual({ browser: undefined, platform: undefined })
    // jsdom's user agent: a platform, no browser it knows.
    expect(readableName('Mozilla/5.0 (linux) AppleWebKit/537.36 (KHTML, like Gecko) jsdom/26.1.0')).toEqual({ browser: undefined, platform: 'Linux' })
    // A brand it does not know is not shown as typed by whoever confirmed the device.
    expect(readableName('Windows 10.0.0 x86 Windows Vivaldi/6.5;Not_A Brand/8.0.0.0')).toEqual({ browser: undefined, platform: 'Windows' })
  })
})
