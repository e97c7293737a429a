// Pieces shared by the sign-in form (first screen) and the later steps (loaded lazily).
import type { FormEvent, ReactNode } from 'react'
import type { Clock } from '../../ui/clock.ts'
import type { SignInState } from './sign-in-flow.ts'
import type { SignInController } from './use-sign-in.ts'

/** What the app supplies to render the authenticator setup inside sign-in (MFA_SETUP). */
export type TotpSetupSlot = {
  secret: string
  accountName: string
  deadline: number
  verify(code: string, deviceName: string): Promise<void>
  onEnrolled(): void
  onCancel(): void
}

export type StepProps = {
  flow: SignInController
  state: SignInState
  clock: Clock
  renderTotpSetup(slot: TotpSetupSlot): ReactNode
  localMode: boolean
  beforeForm?: ReactNode
}

export type Of<S extends SignInState['step']> = Omit<StepProps, 'state'> & { state: Extract<SignInState, { step: S }> }

export function formText(event: FormEvent<HTMLFormElement>, name: string): string {
  const value = new FormData(event.currentTarget).get(name)
  return typeof value === 'string' ? value : ''
}
