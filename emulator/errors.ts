/** A Cognito client-fault error: serialised as 400 {"__type", "message"} (docs/cognito-behaviour.md#error-responses). */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message)
    this.name = type
  }
}

export function cognitoError(type: string, message: string): CognitoError {
  return new CognitoError(type, message)
}

export function invalidParameter(message: string): CognitoError {
  return new CognitoError('InvalidParameterException', message)
}

export function notAuthorized(message: string): CognitoError {
  return new CognitoError('NotAuthorizedException', message)
}
