import type { GroupRecord } from '../state/model.ts'

/**
 * The groups a user is in, as `cognito:groups` and AdminListGroupsForUser order them: by precedence,
 * lowest first, groups without one last, then by name.
 */
export function groupsByPrecedence(groups: readonly GroupRecord[]): GroupRecord[] {
  return [...groups].sort(
    (a, b) =>
      (a.precedence ?? Number.POSITIVE_INFINITY) - (b.precedence ?? Number.POSITIVE_INFINITY) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  )
}
