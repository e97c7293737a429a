// The floor of the first-screen benchmark: React and react-dom rendering one username/password form,
// nothing else. No app can show a React form with less.
import { createRoot } from 'react-dom/client'

function SignInForm() {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
      }}
    >
      <h1>Sign in</h1>
      <label htmlFor="username">Username</label>
      <input id="username" name="username" autoComplete="username" required />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit">Sign in</button>
    </form>
  )
}

createRoot(document.getElementById('root')!).render(<SignInForm />)
