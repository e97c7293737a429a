import { resolveBuildConfig, type ConfigResult } from './app-config.ts'

// amplify_outputs.json is git-ignored and optional: a glob that matches nothing is an empty
// object, so the build works without it. It is read as text so that a malformed file becomes a
// message on screen instead of a build failure with no app at all.
const outputs = import.meta.glob<string>('/amplify_outputs.json', { query: '?raw', import: 'default', eager: true })

export function readBuildConfig(origin: string = location.origin): ConfigResult {
  return resolveBuildConfig({ env: import.meta.env, amplifyOutputs: Object.values(outputs)[0], origin })
}
