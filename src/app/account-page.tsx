import '@aws-amplify/ui-react/styles/badge.css'
import './account.css'
import '../ui/later-steps.css'
import { Button, Flex, Text } from '@aws-amplify/ui-react'
import { useEffect, useRef, useState } from 'react'
import type { AuthGateway } from '../auth/auth-gateway.ts'
import type { MfaRequirement } from '../config/app-config.ts'
import { messages } from '../features/account-security/messages.ts'
import { SecurityScreen } from '../features/account-security/security-screen.tsx'
import { useT, withMessages } from '../i18n/i18n-provider.tsx'
import { ConfirmDialog } from '../ui/confirm-dialog.tsx'
import { StatusMessage } from '../ui/messages.tsx'
import { StepHeading } from '../ui/step-heading.tsx'
import { useIgnoreStrayClicks } from '../ui/stray-clicks.ts'
import type { Clock } from '../ui/clock.ts'

export type AccountPageProps = {
  auth: AuthGateway
  /** What the user signs in with (username or email): the account label in authenticator apps. */
  accountName: string
  issuer: string
  /**
   * The pool's MFA setting as configured. Passed as it is and read here, in the lazily loaded
   * page, so the first screen carries nothing for it; 'unknown' stays unknown (the page then words
   * an unfinished setup for both outcomes).
   */
  poolMfa: MfaRequirement
  /**
   * The authenticator app was set up during this sign-in (MFA_SETUP): the page confirms it, as
   * settings does after a setup there (issue 11, item 8).
   */
  justSetUp?: boolean
  /** Local mode: which demo pool this account lives in. */
  poolLabel?: string
  /** Which sign-out is under way, if any (the app signs out: app/use-session.ts). */
  signingOut?: 'local' | 'global'
  onSignOut(how: 'local' | 'global'): void
  onSessionExpired(): void
  /** How recent a sign-in turning the authenticator off or replacing it needs (ADR 016). */
  recentSignInMinutes?: number
  clock?: Clock
}

/** Account settings → Security, with sign-out. Loaded lazily after sign-in, with its words (below). */
function AccountPage({
  auth,
  accountName,
  issuer,
  poolMfa,
  poolLabel,
  justSetUp = false,
  signingOut,
  onSignOut,
  onSessionExpired,
  recentSignInMinutes,
  clock,
}: AccountPageProps) {
  const t = useT()
  // "Sign out of all devices" ends sessions elsewhere too, and cannot be undone: it asks first.
  const [confirmingGlobal, setConfirmingGlobal] = useState(false)
  // Signed in the moment a code reached its sixth digit: a click meant for the sign-in screen
  // (Verify, or its double click) must not land on this page's buttons. Focus goes to the
  // title (StepHeading), where the result is read.
  useIgnoreStrayClicks()
  // After setup during sign-in the confirmation is the result, so it takes the focus the title
  // would: a screen reader reads it first (a live region mounted with the page may not be announced).
  const confirmation = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (justSetUp) confirmation.current?.focus()
  }, [justSetUp])
  // Signing out on purpose ends at sign-in's own address, so whoever signs in next starts at
  // Security. A session that ended by itself keeps the address: signing in again goes on there (ADR 020).
  const signOut = (how: 'local' | 'global') => {
    history.replaceState(null, '', '/')
    onSignOut(how)
  }
  // It confirms what sign-in did, not the state from then on: the first button used on the page
  // (Replace, a dialog's, any other) hides it, before it could contradict what that button starts
  // (a replacement left unfinished, a second confirmation after a replacement).
  const [confirming, setConfirming] = useState(justSetUp)
  useEffect(() => {
    if (!confirming) return
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('button')) setConfirming(false)
    }
    document.addEventListener('click', onClick)
    return () => document.removeEventListener('click', onClick)
  }, [confirming])

  return (
    <Flex direction="column" gap="large">
      <div className="page-title">
        <StepHeading level={1} focusOnMount={!justSetUp}>
          {t('account.title')}
        </StepHeading>
        <Text className="hint">{t('account.signedInAs', { name: accountName })}</Text>
        {poolLabel && <Text className="hint">{t('account.pool', { name: poolLabel })}</Text>}
      </div>
      {confirming && (
        <div ref={confirmation} tabIndex={-1} className="focus-target">
          <StatusMessage>{t('account.setUpDone')}</StatusMessage>
        </div>
      )}
      <SecurityScreen
        auth={auth}
        mfaRequired={poolMfa === 'unknown' ? undefined : poolMfa === 'required'}
        onSessionExpired={onSessionExpired}
        accountName={accountName}
        issuer={issuer}
        recentSignInMinutes={recentSignInMinutes}
        clock={clock}
        // While signing out the address is sign-in's.
        keepsHistory={signingOut === undefined}
        pageDialogOpen={confirmingGlobal}
        onBackFromPageDialog={() => setConfirmingGlobal(false)}
      />
      <section className="panel" aria-labelledby="sign-out-title">
        <Flex direction="column" gap="small">
          <StepHeading level={2} focusOnMount={false} id="sign-out-title">
            {t('account.signOut')}
          </StepHeading>
          <Flex gap="small" wrap="wrap">
            <Button
              onClick={() => signOut('local')}
              isDisabled={signingOut !== undefined}
              isLoading={signingOut === 'local'}
              loadingText={t('account.signingOut')}
            >
              {t('account.signOut')}
            </Button>
            <Button
              variation="warning"
              onClick={() => setConfirmingGlobal(true)}
              isDisabled={signingOut !== undefined}
              isLoading={signingOut === 'global'}
              loadingText={t('account.signingOut')}
              aria-describedby="sign-out-everywhere-hint"
            >
              {t('account.signOutEverywhere')}
            </Button>
          </Flex>
          <Text className="hint" id="sign-out-everywhere-hint">
            {t('account.signOutEverywhereHint')}
          </Text>
        </Flex>
      </section>
      {confirmingGlobal && (
        <ConfirmDialog
          title={t('account.signOutEverywhereConfirm.title')}
          confirmLabel={t('account.signOutEverywhereConfirm.confirm')}
          cancelLabel={t('common.cancel')}
          pendingLabel={t('account.signingOut')}
          pending={signingOut === 'global'}
          destructive
          onConfirm={() => signOut('global')}
          onCancel={() => setConfirmingGlobal(false)}
        >
          <Text>{t('account.signOutEverywhereConfirm.ends')}</Text>
          {/* Revoked tokens are refused by Cognito, not by a service that checks a token's signature
              itself: there they work until they expire (docs/cognito-behaviour.md#revocation). */}
          <Text>{t('account.signOutEverywhereConfirm.keeps')}</Text>
        </ConfirmDialog>
      )}
    </Flex>
  )
}

export default withMessages([messages], AccountPage)
