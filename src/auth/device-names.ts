// Cognito stores the authenticator's friendly device name (VerifySoftwareToken's
// FriendlyDeviceName) but no user-facing API reads it back: GetUser does not return it. So this
// browser remembers the name it sent, per pool and username, and the security page shows it only
// when known. It is a label the user typed, not a secret.

const key = (userPoolId: string, username: string) => `cognito-totp.device-name.${userPoolId}.${username}`

export function recallDeviceName(userPoolId: string, username: string): string | undefined {
  try {
    return localStorage.getItem(key(userPoolId, username)) ?? undefined
  } catch {
    return undefined
  }
}

export function rememberDeviceName(userPoolId: string, username: string, deviceName: string): void {
  try {
    if (deviceName.trim()) localStorage.setItem(key(userPoolId, username), deviceName.trim())
    else localStorage.removeItem(key(userPoolId, username))
  } catch {
    // not remembered; the page then simply does not show a name
  }
}

export function forgetDeviceName(userPoolId: string, username: string): void {
  try {
    localStorage.removeItem(key(userPoolId, username))
  } catch {
    // nothing to forget
  }
}
