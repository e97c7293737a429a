// Pieces shared by the sign-in form (first screen) and the later steps (loaded lazily).
import type { ReactNode } from 'react'
import type { SupportContact } from '../../config/app-config.ts'
import type { Clock } from '../../ui/clock.ts'
import type { SignInState } from './sign-in-flow.ts'
import type { SignInController } from './use-sign-in.ts'

export type StepProps = {
  flow: SignInController
  state: SignInState
  clock: Clock
  /** The app's name: the entry's title in the phone's authenticator app. */
  issuer: string
  /** Named by the code step's help for a user who cannot use their authenticator app. */
  support?: SupportContact
  beforeForm?: ReactNode
}

export type Of<S extends SignInState['step']> = Omit<StepProps, 'state'> & { state: Extract<SignInState, { step: S }> }
