import { useId } from 'react'
import { Flex, Text, View } from '@aws-amplify/ui-react'
import { useT } from '../i18n/i18n-provider.tsx'

/** A sketch of the entry the phone's app will show, so the user knows what to look for. */
export function AppEntryPreview({ issuer, accountName }: { issuer: string; accountName: string }) {
  const t = useT()
  const captionId = useId()
  const initial = (issuer.trim() || accountName.trim()).charAt(0).toUpperCase()
  return (
    <View as="figure" margin="0" aria-labelledby={captionId}>
      <Text as="figcaption" id={captionId} fontSize="small" color="font.secondary" marginBottom="xxs">
        {t('totp.previewCaption')}
      </Text>
      <Flex
        alignItems="center"
        gap="small"
        padding="small"
        border="1px solid"
        borderColor="border.secondary"
        borderRadius="medium"
        backgroundColor="background.primary"
        maxWidth="20rem"
      >
        <Flex
          aria-hidden
          shrink={0}
          width="2.5rem"
          height="2.5rem"
          borderRadius="xxl"
          justifyContent="center"
          alignItems="center"
          backgroundColor="background.tertiary"
          fontWeight="bold"
        >
          {initial}
        </Flex>
        <Flex direction="column" gap="0" minWidth="0">
          {issuer.trim() ? (
            <Text fontWeight="bold" isTruncated>
              {issuer}
            </Text>
          ) : null}
          <Text color="font.secondary" fontSize="small" isTruncated>
            {accountName}
          </Text>
          {/* A placeholder code, not a real one. */}
          <Text aria-hidden fontFamily="monospace" fontSize="large" color="font.interactive" letterSpacing="0.1em">
            ••• •••
          </Text>
        </Flex>
      </Flex>
    </View>
  )
}
