import { startDeviceExchange, verifyDeviceClaim } from '../domain/device-srp.ts'
import { isValidSrpA } from '../domain/srp.ts'
import { cognitoError, invalidParameter, notAuthorized } from '../errors.ts'
import { requiredParameter } from '../validate.ts'
import { findDevice, requireConfirmedDevice } from './devices.ts'
import type { SessionRecord } from './sessions.ts'
import { challenge, tokens, type AuthResponse, type SignInContext } from './sign-in.ts'

// The last two steps of a sign-in on a device the pool knows (docs/cognito-behaviour.md#device-srp):
// DEVICE_SRP_AUTH gives the client B, the device's salt and a SECRET_BLOCK; DEVICE_PASSWORD_VERIFIER
// checks its signature against the device's verifier, then tokens naming the device.

/** DEVICE_SRP_AUTH: `{USERNAME, SRP_A, DEVICE_KEY}` for the device the session named. */
export function startDeviceSrp(ctx: SignInContext, session: SessionRecord, answers: Record<string, string>): AuthResponse {
  const key = requiredParameter(answers, 'DEVICE_KEY')
  const aHex = requiredParameter(answers, 'SRP_A')
  // Another key than the one the password step named, or a device forgotten since: as any unknown key.
  if (key !== session.deviceKey) throw cognitoError('ResourceNotFoundException', 'Device does not exist.')
  const device = requireConfirmedDevice(ctx.user, key)
  if (!isValidSrpA(aHex)) throw invalidParameter('Invalid SRP_A value.')
  const secretBlock = ctx.deps.sessions.newSecretBlock(ctx.client.authSessionValidityMinutes)
  const { bHex, BHex } = startDeviceExchange(device.srp)
  return challenge(
    ctx,
    'DEVICE_PASSWORD_VERIFIER',
    { SRP_B: BHex, SALT: device.srp.saltHex, SECRET_BLOCK: secretBlock, USERNAME: ctx.user.username, DEVICE_KEY: key },
    { srp: { aHex, bHex, BHex, secretBlock } },
    session,
  )
}

/**
 * DEVICE_PASSWORD_VERIFIER: the device's signature. A wrong one ends the sign-in as a wrong password
 * does on AWS (`Incorrect username or password.`); it is not counted towards the lockout, since only a
 * proven password (and, on a device not remembered, the MFA code) leads here (docs/cognito-behaviour.md#device-srp).
 */
export async function proveDevice(ctx: SignInContext, session: SessionRecord, answers: Record<string, string>): Promise<AuthResponse> {
  const secretBlock = requiredParameter(answers, 'PASSWORD_CLAIM_SECRET_BLOCK')
  const timestamp = requiredParameter(answers, 'TIMESTAMP')
  const signature = requiredParameter(answers, 'PASSWORD_CLAIM_SIGNATURE')
  const key = requiredParameter(answers, 'DEVICE_KEY')
  const device = key === session.deviceKey ? findDevice(ctx.user, key) : undefined
  const srp = session.srp
  const holds =
    device?.srp !== undefined &&
    srp !== undefined &&
    secretBlock === srp.secretBlock &&
    verifyDeviceClaim({ deviceKey: device.key, deviceGroupKey: device.groupKey, device: device.srp, ...srp, timestamp, signature })
  if (!holds) {
    ctx.deps.sessions.spend(session)
    throw notAuthorized('Incorrect username or password.')
  }
  return tokens(ctx, session, device.key)
}
