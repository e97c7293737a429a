import { useEffect, useRef, useState } from 'react'
import { Button, Flex, Text, View } from '@aws-amplify/ui-react'
import { useT } from '../i18n/i18n-provider.tsx'
import { formatSetupKey, normaliseSecret } from './otpauth-uri.ts'

type CopyResult = 'idle' | 'copied' | 'manual'

// navigator.clipboard only exists in secure contexts (https, localhost); opened over plain http
// on a LAN address it is missing, hence the older textarea + execCommand path.
function copyWithTextarea(text: string): boolean {
  if (typeof document.execCommand !== 'function') return false
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // denied or unavailable: fall through
  }
  return copyWithTextarea(text)
}

/** The secret in groups of four, labelled "Setup key", with a copy button. */
export function SetupKey({ secret }: { secret: string }) {
  const t = useT()
  const keyRef = useRef<HTMLDivElement>(null)
  const [result, setResult] = useState<CopyResult>('idle')

  useEffect(() => {
    if (result !== 'copied') return
    const timer = setTimeout(() => setResult('idle'), 4000)
    return () => clearTimeout(timer)
  }, [result])

  async function copy() {
    // Apps want the bare key; the spaces are only for reading.
    if (await copyText(normaliseSecret(secret))) {
      setResult('copied')
      return
    }
    // Last resort: select the key on screen so one keystroke copies it.
    const selection = window.getSelection()
    if (selection && keyRef.current) selection.selectAllChildren(keyRef.current)
    setResult('manual')
  }

  return (
    <Flex direction="column" gap="xs">
      <Flex wrap="wrap" alignItems="center" gap="small">
        <View
          ref={keyRef}
          role="group"
          aria-label={t('totp.keyLabel')}
          fontFamily="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
          fontSize="large"
          letterSpacing="0.05em"
          padding="xs small"
          backgroundColor="background.secondary"
          borderRadius="small"
          style={{ wordBreak: 'break-word', userSelect: 'all' }}
        >
          {formatSetupKey(secret)}
        </View>
        <Button size="small" onClick={() => void copy()}>
          {result === 'copied' ? (
            <>
              <span aria-hidden>✓&nbsp;</span>
              {t('totp.copied')}
            </>
          ) : (
            t('totp.copyKey')
          )}
        </Button>
      </Flex>
      {/* Announced without moving focus; empty until there is something to say. */}
      <Text role="status" fontSize="small" color={result === 'manual' ? 'font.warning' : 'font.secondary'}>
        {result === 'copied' ? t('totp.copiedStatus') : result === 'manual' ? t('totp.copyFailed') : ''}
      </Text>
    </Flex>
  )
}
