import type { ExplicitAuthFlowsType } from '@aws-sdk/client-cognito-identity-provider'
import type { ClientRecord } from '../state/model.ts'

/** The names from before the ALLOW_ ones, and the ALLOW_ name each stands for. */
const LEGACY_FLOWS: Partial<Record<ExplicitAuthFlowsType, ExplicitAuthFlowsType>> = {
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
}

export function isLegacyFlow(flow: ExplicitAuthFlowsType): boolean {
  return Object.hasOwn(LEGACY_FLOWS, flow)
}

/**
 * The flows a client allows. A list of ALLOW_ names allows what it names. A list of legacy names
 * (ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, CUSTOM_AUTH_FLOW_ONLY) only added flows to what every client
 * had then, SRP and refresh, so it keeps them (docs/cognito-behaviour.md#app-client-defaults), as
 * scripts/admin/check-pool-rules.ts reads a real pool's client.
 */
export function allowedFlows(client: ClientRecord): ReadonlySet<ExplicitAuthFlowsType> {
  const listed = client.explicitAuthFlows
  if (!listed.some(isLegacyFlow)) return new Set(listed)
  const allowed = new Set<ExplicitAuthFlowsType>(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'])
  for (const flow of listed) allowed.add(LEGACY_FLOWS[flow] ?? flow)
  return allowed
}
