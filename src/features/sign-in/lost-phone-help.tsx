// "Can't use your authenticator app?" at the code step: what a user without their phone can do.
// Cognito has no recovery codes, so the only way on is someone who can reset the authenticator
// (`npm run admin -- reset-totp`, see README "Support: a user lost their phone"). The help opens
// on the same screen, so the code field and the challenge session stay; the support page opens in
// a new tab for the same reason.
import '@aws-amplify/ui-react/styles/link.css'
import './lost-phone-help.css'
import { Button, Flex, Link, Text, View } from '@aws-amplify/ui-react'
import { useId, useState } from 'react'
import type { SupportContact } from '../../config/app-config.ts'
import { useT } from '../../i18n/i18n-provider.tsx'

export function LostPhoneHelp({ support, appName }: { support?: SupportContact; appName: string }) {
  const t = useT()
  const panelId = useId()
  const [open, setOpen] = useState(false)
  const contact = support?.url || support?.email ? support : undefined
  return (
    <View className="lost-phone-help">
      <Button variation="link" size="small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('signIn.help.toggle')}
      </Button>
      {/* Always in the page, so aria-controls names an element; filled only while open. */}
      <div id={panelId}>
        {open && (
          <Flex direction="column" gap="small" className="lost-phone-help__panel">
            <Text>{t('signIn.help.noBackup')}</Text>
            {contact ? (
              <>
                <Text>{t('signIn.help.contactSupport')}</Text>
                <ul className="lost-phone-help__contacts">
                  {contact.url && (
                    <li>
                      <Link href={contact.url} isExternal>
                        {t('signIn.help.supportPage')}
                      </Link>
                    </li>
                  )}
                  {contact.email && (
                    <li>
                      {/* The address has nothing a mailto: link could read as more (app-config.ts checks it). */}
                      <Link href={`mailto:${contact.email}`}>{t('signIn.help.supportEmail', { email: contact.email })}</Link>
                    </li>
                  )}
                </ul>
              </>
            ) : (
              <Text>{t('signIn.help.contactAdmin', { appName })}</Text>
            )}
            <Text>{t('signIn.help.whatHappens')}</Text>
          </Flex>
        )}
      </div>
    </View>
  )
}
