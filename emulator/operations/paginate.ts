import { invalidParameter } from '../errors.ts'

/** Offset pagination behind an opaque token, for the List* operations. */
export function paginate<T>(items: T[], limit: number, token: string | undefined): { page: T[]; next?: string } {
  let start = 0
  if (token !== undefined) {
    start = Number.parseInt(Buffer.from(token, 'base64url').toString('utf8'), 10)
    if (!Number.isInteger(start) || start < 0) throw invalidParameter('Invalid pagination token.')
  }
  const page = items.slice(start, start + limit)
  const end = start + page.length
  return { page, ...(end < items.length ? { next: Buffer.from(String(end)).toString('base64url') } : {}) }
}
