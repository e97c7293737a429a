// What the setup screen needs from whoever owns the Cognito calls. The screen is the same in
// account settings and inside sign-in; only the driver differs:
//   settings: begin = setUpTOTP, verify = verifyTOTPSetup, activate = updateMFAPreference(TOTP preferred)
//   sign-in (MFA_SETUP): begin resolves the secret Cognito already issued, verify = confirmSignIn
//   (which completes sign-in), no activate.
// Errors are thrown as they come from Amplify; the screen maps them by name.
export type EnrollmentDriver = {
  begin(): Promise<{ secret: string }>
  verify(code: string, deviceName: string): Promise<void>
  activate?(): Promise<void>
}
