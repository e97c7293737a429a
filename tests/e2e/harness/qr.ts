// Reads the QR code the way a phone's camera would: from pixels (a screenshot), with jsQR.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Locator } from 'playwright-core'

export async function decodeQrCode(element: Locator): Promise<string> {
  const png = PNG.sync.read(await element.screenshot({ animations: 'disabled' }))
  const result = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)
  if (!result) throw new Error('No QR code could be decoded from the screenshot of the QR element')
  return result.data
}
