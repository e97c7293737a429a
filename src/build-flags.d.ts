/**
 * Set by vite.config.ts (scripts/local-pool-flag.ts): false only in a production build given a user
 * pool id, which can never use the local pool, so that the bundler leaves the local pool's code
 * (discovery, picker) out of its first screen. True in the dev server, tests and other builds.
 */
declare const __LOCAL_POOL_POSSIBLE__: boolean
