import type { Deps } from '../deps.ts'
import type { Input } from '../validate.ts'
import { adminAddUserToGroup } from './admin-add-user-to-group.ts'
import { adminConfirmSignUp } from './admin-confirm-sign-up.ts'
import { adminCreateUser } from './admin-create-user.ts'
import { adminDeleteSoftwareToken } from './admin-delete-software-token.ts'
import { adminDeleteUser } from './admin-delete-user.ts'
import { adminDeleteUserAttributes } from './admin-delete-user-attributes.ts'
import { adminDisableUser } from './admin-disable-user.ts'
import { adminEnableUser } from './admin-enable-user.ts'
import { adminGetUser } from './admin-get-user.ts'
import { adminInitiateAuth } from './admin-initiate-auth.ts'
import { adminListGroupsForUser } from './admin-list-groups-for-user.ts'
import { adminRemoveUserFromGroup } from './admin-remove-user-from-group.ts'
import { adminResetUserPassword } from './admin-reset-user-password.ts'
import { adminRespondToAuthChallenge } from './admin-respond-to-auth-challenge.ts'
import { adminSetUserMFAPreference } from './admin-set-user-mfa-preference.ts'
import { adminSetUserPassword } from './admin-set-user-password.ts'
import { adminUpdateUserAttributes } from './admin-update-user-attributes.ts'
import { adminUserGlobalSignOut } from './admin-user-global-sign-out.ts'
import { associateSoftwareToken } from './associate-software-token.ts'
import { changePassword } from './change-password.ts'
import { confirmSignUp } from './confirm-sign-up.ts'
import { confirmForgotPassword } from './confirm-forgot-password.ts'
import { createGroup } from './create-group.ts'
import { createUserPool } from './create-user-pool.ts'
import { createUserPoolClient } from './create-user-pool-client.ts'
import { deleteUserAttributes } from './delete-user-attributes.ts'
import { deleteGroup } from './delete-group.ts'
import { deleteUserPool } from './delete-user-pool.ts'
import { deleteUserPoolClient } from './delete-user-pool-client.ts'
import { describeUserPool } from './describe-user-pool.ts'
import { describeUserPoolClient } from './describe-user-pool-client.ts'
import { forgotPassword } from './forgot-password.ts'
import { getGroup } from './get-group.ts'
import { getTokensFromRefreshToken } from './get-tokens-from-refresh-token.ts'
import { getUser } from './get-user.ts'
import { getUserAttributeVerificationCode } from './get-user-attribute-verification-code.ts'
import { getUserPoolMfaConfig } from './get-user-pool-mfa-config.ts'
import { globalSignOut } from './global-sign-out.ts'
import { initiateAuth } from './initiate-auth.ts'
import { listGroups } from './list-groups.ts'
import { listUserPoolClients } from './list-user-pool-clients.ts'
import { listUserPools } from './list-user-pools.ts'
import { listUsers } from './list-users.ts'
import { listUsersInGroup } from './list-users-in-group.ts'
import { resendConfirmationCode } from './resend-confirmation-code.ts'
import { respondToAuthChallenge } from './respond-to-auth-challenge.ts'
import { revokeToken } from './revoke-token.ts'
import { setUserMFAPreference } from './set-user-mfa-preference.ts'
import { setUserPoolMfaConfig } from './set-user-pool-mfa-config.ts'
import { signUp } from './sign-up.ts'
import { updateGroup } from './update-group.ts'
import { updateUserPool } from './update-user-pool.ts'
import { updateUserPoolClient } from './update-user-pool-client.ts'
import { updateUserAttributes } from './update-user-attributes.ts'
import { verifySoftwareToken } from './verify-software-token.ts'
import { verifyUserAttribute } from './verify-user-attribute.ts'
// Device tracking (docs/cognito-behaviour.md#device-operations).
import { adminForgetDevice } from './admin-forget-device.ts'
import { adminGetDevice } from './admin-get-device.ts'
import { adminListDevices } from './admin-list-devices.ts'
import { adminUpdateDeviceStatus } from './admin-update-device-status.ts'
import { confirmDevice } from './confirm-device.ts'
import { forgetDevice } from './forget-device.ts'
import { getDevice } from './get-device.ts'
import { listDevices } from './list-devices.ts'
import { updateDeviceStatus } from './update-device-status.ts'

/**
 * Any operation as handle.ts calls it: the body is only known to be a JSON object, and each
 * operation's own validation (validate.ts) checks its members against its SDK request type.
 */
type WireOperation = (input: Input, deps: Deps) => Promise<object>

/** The one map from X-Amz-Target operation name to its implementation. */
export const operations: Record<string, WireOperation> = {
  AdminAddUserToGroup: adminAddUserToGroup,
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminCreateUser: adminCreateUser,
  AdminDeleteSoftwareToken: adminDeleteSoftwareToken,
  AdminDeleteUser: adminDeleteUser,
  AdminDeleteUserAttributes: adminDeleteUserAttributes,
  AdminDisableUser: adminDisableUser,
  AdminEnableUser: adminEnableUser,
  AdminGetUser: adminGetUser,
  AdminInitiateAuth: adminInitiateAuth,
  AdminListGroupsForUser: adminListGroupsForUser,
  AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
  AdminResetUserPassword: adminResetUserPassword,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  AdminSetUserMFAPreference: adminSetUserMFAPreference,
  AdminSetUserPassword: adminSetUserPassword,
  AdminUpdateUserAttributes: adminUpdateUserAttributes,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
  AssociateSoftwareToken: associateSoftwareToken,
  ChangePassword: changePassword,
  ConfirmForgotPassword: confirmForgotPassword,
  ConfirmSignUp: confirmSignUp,
  CreateGroup: createGroup,
  CreateUserPool: createUserPool,
  CreateUserPoolClient: createUserPoolClient,
  DeleteGroup: deleteGroup,
  DeleteUserPool: deleteUserPool,
  DeleteUserPoolClient: deleteUserPoolClient,
  DescribeUserPool: describeUserPool,
  DescribeUserPoolClient: describeUserPoolClient,
  DeleteUserAttributes: deleteUserAttributes,
  ForgotPassword: forgotPassword,
  GetGroup: getGroup,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  GetUser: getUser,
  GetUserAttributeVerificationCode: getUserAttributeVerificationCode,
  GetUserPoolMfaConfig: getUserPoolMfaConfig,
  GlobalSignOut: globalSignOut,
  InitiateAuth: initiateAuth,
  ListGroups: listGroups,
  ListUserPoolClients: listUserPoolClients,
  ListUserPools: listUserPools,
  ListUsers: listUsers,
  ListUsersInGroup: listUsersInGroup,
  ResendConfirmationCode: resendConfirmationCode,
  RespondToAuthChallenge: respondToAuthChallenge,
  RevokeToken: revokeToken,
  SetUserMFAPreference: setUserMFAPreference,
  SetUserPoolMfaConfig: setUserPoolMfaConfig,
  SignUp: signUp,
  UpdateGroup: updateGroup,
  UpdateUserPool: updateUserPool,
  UpdateUserPoolClient: updateUserPoolClient,
  UpdateUserAttributes: updateUserAttributes,
  VerifySoftwareToken: verifySoftwareToken,
  VerifyUserAttribute: verifyUserAttribute,
  // Device tracking.
  AdminForgetDevice: adminForgetDevice,
  AdminGetDevice: adminGetDevice,
  AdminListDevices: adminListDevices,
  AdminUpdateDeviceStatus: adminUpdateDeviceStatus,
  ConfirmDevice: confirmDevice,
  ForgetDevice: forgetDevice,
  GetDevice: getDevice,
  ListDevices: listDevices,
  UpdateDeviceStatus: updateDeviceStatus,
}
