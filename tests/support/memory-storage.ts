// Web Storage in memory, for Node tests of code that keeps small records where the tokens are
// (src/auth/device-names.ts, src/auth/authenticator-evidence.ts). Amplify itself does not use it
// in Node: it looks for window.localStorage, and there is no window.
export function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  }
}
