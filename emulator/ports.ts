/**
 * The local pool's port when none is given (`npm start`, `npm run emulator`). Not 9229: that is
 * Node's inspector port (`node --inspect`), open whenever someone debugs the app's scripts or a test,
 * and then the pool would not start there. Nothing else in this project uses 8329.
 */
export const DEFAULT_POOL_PORT = 8329

/** The pool's URL on its default port, as the AWS CLI and `npm run admin` reach it. */
export const DEFAULT_POOL_URL = `http://127.0.0.1:${DEFAULT_POOL_PORT}`
