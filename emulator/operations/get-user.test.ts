import { call, createApp, createTestDeps, createUser, enrolTotp, signedIn, storedUser, type App, type TestDeps } from '../test-support.ts'
import { getUser } from './get-user.ts'
import { setUserMFAPreference } from './set-user-mfa-preference.ts'

describe('GetUser', () => {
  let deps: TestDeps
  let app: App
  let accessToken: string

  beforeEach(async () => {
    deps = createTestDeps()
    app = await createApp(deps, { mfa: 'OPTIONAL' })
    await createUser(deps, app.poolId, 'alice')
    accessToken = (await signedIn(deps, app, 'alice')).AccessToken
  })

  test('Username and UserAttributes (sub first); MFA members omitted while there is no MFA', async () => {
    const reply = await call(getUser, { AccessToken: accessToken }, deps)
    expect(reply).toEqual({
      Username: 'alice',
      UserAttributes: [
        { Name: 'sub', Value: storedUser(deps, app.poolId, 'alice').sub },
        { Name: 'email', Value: 'alice@example.com' },
      ],
    })
    expect(Object.keys(reply)).not.toContain('MFAOptions')
  })

  test('UserMFASettingList and PreferredMfaSetting once TOTP is on (what fetchMFAPreference reads)', async () => {
    await enrolTotp(deps, accessToken)
    expect(await call(getUser, { AccessToken: accessToken }, deps)).toMatchObject({
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    })
  })

  test('enabled but not preferred: the list without PreferredMfaSetting', async () => {
    await enrolTotp(deps, accessToken, { preference: false })
    await setUserMFAPreference({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true } }, deps)
    const reply = await call(getUser, { AccessToken: accessToken }, deps)
    expect(reply.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA'])
    expect('PreferredMfaSetting' in reply).toBe(false)
  })

  test('no secrets leak: the TOTP secret is nowhere in the reply', async () => {
    const secret = await enrolTotp(deps, accessToken)
    expect(JSON.stringify(await call(getUser, { AccessToken: accessToken }, deps))).not.toContain(secret)
  })
})
