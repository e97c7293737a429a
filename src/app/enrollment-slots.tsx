// The authenticator setup screen (the enrollment feature) wired to the auth gateway in its two
// places. Loaded lazily with the QR code: nobody needs it on the first screen.
import '@aws-amplify/ui-react/styles/card.css'
import '@aws-amplify/ui-react/styles/fieldMessages.css'
import '@aws-amplify/ui-react/styles/link.css'
import '@aws-amplify/ui-react/styles/message.css'
import { useMemo, useRef, useState } from 'react'
import type { AuthGateway } from '../auth/auth-gateway.ts'
import type { EnrollmentSlot } from '../features/account-security/security-screen.tsx'
import type { TotpSetupSlot } from '../features/sign-in/sign-in-screen.tsx'
import type { EnrollmentDriver } from '../features/totp-enrollment/enrollment-driver.ts'
import { messages } from '../features/totp-enrollment/messages.ts'
import { TotpEnrollment } from '../features/totp-enrollment/totp-enrollment.tsx'
import { messages as later } from '../i18n/later-messages.ts'
import { registerMessages } from '../i18n/registry.ts'
import type { Clock } from '../ui/clock.ts'

// The setup screen's words arrive with it (the enrollment feature's catalog).
registerMessages(later, messages)

/** MFA_SETUP inside sign-in: the secret came with the challenge; verifying completes sign-in. */
export function SignInEnrollment({ slot, issuer, clock }: { slot: TotpSetupSlot; issuer: string; clock: Clock }) {
  const verify = useRef(slot.verify)
  verify.current = slot.verify
  // One driver per secret: a re-render must not look like a new setup.
  const driver = useMemo<EnrollmentDriver>(
    () => ({ begin: async () => ({ secret: slot.secret }), verify: (code, name) => verify.current(code, name) }),
    [slot.secret],
  )
  // The setup screen counts down on the wall clock; the sign-in flow owns the (injectable) clock
  // that actually ends the session. Hand over the same remaining time.
  const [deadline] = useState(() => Date.now() + (slot.deadline - clock.now()))
  return (
    <TotpEnrollment
      driver={driver}
      accountName={slot.accountName}
      issuer={issuer}
      onEnrolled={slot.onEnrolled}
      onCancel={slot.onCancel}
      deadline={deadline}
    />
  )
}

/** Account settings: associate, verify with the device name, then switch TOTP on as preferred. */
export function SettingsEnrollment({
  auth,
  accountName,
  issuer,
  slot,
}: {
  auth: AuthGateway
  accountName: string
  issuer: string
  slot: EnrollmentSlot
}) {
  const driver = settingsDriver(auth)
  return (
    <TotpEnrollment
      driver={driver}
      accountName={accountName}
      issuer={issuer}
      onEnrolled={slot.onEnrolled}
      onCancel={slot.onCancel}
      replacing={slot.replacing}
    />
  )
}

// One driver per gateway, not per mount: the issued key is remembered per driver (and account),
// so leaving setup with Cancel and coming back shows the key the user may already have scanned
// instead of minting a new secret that silently invalidates it.
const settingsDrivers = new WeakMap<AuthGateway, EnrollmentDriver>()

function settingsDriver(auth: AuthGateway): EnrollmentDriver {
  let driver = settingsDrivers.get(auth)
  if (!driver) {
    driver = {
      begin: () => auth.beginTotpSetup(),
      verify: (code, deviceName) => auth.verifyTotpSetup(code, deviceName),
      activate: () => auth.setTotpPreferred(),
    }
    settingsDrivers.set(auth, driver)
  }
  return driver
}
