import { lazy, Suspense } from 'react'
import { Flex, Loader, VisuallyHidden } from '@aws-amplify/ui-react'
import { useT } from '../i18n/i18n-provider.tsx'

// qrcode.react is loaded on demand so it stays out of the first screen's bundle.
const QRCodeSVG = lazy(() => import('qrcode.react').then((module) => ({ default: module.QRCodeSVG })))

const size = 200

/**
 * The otpauth URI as a QR code. Its accessible name says what it is for, never what it holds:
 * the URI carries the secret, and screen readers, tests and accessibility trees should not.
 */
export function QrCode({ uri, accountName }: { uri: string; accountName: string }) {
  const t = useT()
  return (
    <Flex
      width={`${size}px`}
      height={`${size}px`}
      shrink={0}
      justifyContent="center"
      alignItems="center"
      backgroundColor="white"
      borderRadius="small"
      border="1px solid"
      borderColor="border.secondary"
    >
      <Suspense
        fallback={
          <>
            <Loader size="large" aria-hidden />
            <VisuallyHidden>{t('totp.qrLoading')}</VisuallyHidden>
          </>
        }
      >
        {/* Always dark on white with a 4-module quiet zone, whatever the theme: cameras need contrast. */}
        <QRCodeSVG
          value={uri}
          size={size - 2}
          level="M"
          marginSize={4}
          bgColor="#ffffff"
          fgColor="#000000"
          role="img"
          aria-label={t('totp.qrLabel', { account: accountName })}
        />
      </Suspense>
    </Flex>
  )
}
