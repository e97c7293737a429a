// Comments cite Cognito's behaviour as `docs/cognito-behaviour.md` plus `#section`. A citation whose section
// is renamed or removed would send the reader nowhere, so every one must match a heading of that
// document, and nothing may cite the numbered notes that were never part of this repository.
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '..', '..')
const documentPath = 'docs/cognito-behaviour.md'
const scanned = ['src', 'emulator', 'tests', 'docs', 'scripts', 'README.md']
const textFile = /\.(ts|tsx|js|mjs|md)$/

// Written without the literal text so that this file does not cite anything itself.
const citation = new RegExp(String.raw`cognito-behaviour\.md#([\p{L}\p{N}_-]+)`, 'gu')
const staleCitation = new RegExp(String.raw`contract\s*\u00a7|cognito-${'contract'}`, 'i')

type Found = { file: string; line: number; text: string }

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** Every heading anchor of a Markdown document (outside code fences); repeats get -1, -2 … as on GitHub. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (!heading) continue
    const base = headingAnchor(heading[1])
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

/** The citations in one file's text, each with its line. */
function citationsIn(file: string, text: string): Array<Found & { anchor: string }> {
  return text
    .split('\n')
    .flatMap((lineText, index) =>
      [...lineText.matchAll(citation)].map((match) => ({ file, line: index + 1, text: lineText.trim(), anchor: match[1] })),
    )
}

/** Citations whose section the document does not have. */
function brokenCitations(files: Array<{ file: string; text: string }>, anchors: Set<string>) {
  return files.flatMap(({ file, text }) => citationsIn(file, text)).filter(({ anchor }) => !anchors.has(anchor))
}

function filesUnder(path: string): string[] {
  const full = join(root, path)
  const entries = readdirSync(full, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile() && textFile.test(entry.name)).map((entry) => relative(root, join(entry.parentPath, entry.name)))
}

function repositoryFiles(): Array<{ file: string; text: string }> {
  const paths = scanned.flatMap((path) => (textFile.test(path) ? [path] : filesUnder(path)))
  return paths.map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }))
}

const documentText = readFileSync(join(root, documentPath), 'utf8')
const documentAnchors = anchorsOf(documentText)
const files = repositoryFiles()

describe('citations of docs/cognito-behaviour.md', () => {
  test('headings get the anchors GitHub gives them', () => {
    const anchors = anchorsOf(
      '# Title\n### AssociateSoftwareToken and VerifySoftwareToken\n```\n## Not a heading\n```\n' +
        '## SignUp and password policy\n## Wire protocol\n### Wire protocol\n',
    )
    expect([...anchors]).toEqual([
      'title',
      'associatesoftwaretoken-and-verifysoftwaretoken',
      'signup-and-password-policy',
      'wire-protocol',
      'wire-protocol-1',
    ])
  })

  test('a citation of a section the document does not have is reported, with its file and line', () => {
    const cite = (section: string) => `${documentPath}#${section}`
    const broken = brokenCitations(
      [{ file: 'example.ts', text: `// fine (${cite('challenge-sessions')})\n// gone (${cite('no-such-section')})` }],
      documentAnchors,
    )
    expect(broken).toEqual([{ file: 'example.ts', line: 2, text: `// gone (${cite('no-such-section')})`, anchor: 'no-such-section' }])
  })

  test('the code and docs cite it, and every cited section is a heading of the document', () => {
    const all = files.flatMap(({ file, text }) => citationsIn(file, text))
    // The scan must see the citations at all, or the next check would pass on nothing.
    expect(all.length).toBeGreaterThan(50)
    expect(new Set(all.map(({ file }) => file.split('/')[0])).size).toBeGreaterThanOrEqual(4)
    expect(brokenCitations(files, documentAnchors)).toEqual([])
  })

  test("the document's own links point at its sections", () => {
    const links = [...documentText.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1])
    expect(links.length).toBeGreaterThan(10)
    expect(links.filter((anchor) => !documentAnchors.has(anchor))).toEqual([])
  })

  test('nothing cites the numbered contract notes that are not in this repository', () => {
    const stale: Found[] = files.flatMap(({ file, text }) =>
      text.split('\n').flatMap((lineText, index) => (staleCitation.test(lineText) ? [{ file, line: index + 1, text: lineText.trim() }] : [])),
    )
    expect(stale).toEqual([])
  })
})
