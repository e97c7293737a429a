import { Component, type ReactNode } from 'react'
import { useT } from '../i18n/i18n-provider.tsx'
import { ErrorMessage } from './messages.tsx'
import { Button, Flex } from './primitives.tsx'

/**
 * Catches what would otherwise blank the page: most often a lazily loaded part of the app that
 * could not be downloaded (offline, or a new deployment replaced the files). Offers a reload.
 */
export class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  componentDidCatch(error: unknown) {
    console.error('Part of the app failed to load or render:', error)
  }

  render() {
    return this.state.failed ? <LoadFailed /> : this.props.children
  }
}

function LoadFailed() {
  const t = useT()
  return (
    <section className="panel">
      <Flex direction="column" gap="medium">
        {/* The app has the failures' words on every page (app.tsx). */}
        <ErrorMessage>{t('failure.unexpected')}</ErrorMessage>
        <div>
          <Button onClick={() => location.reload()}>{t('common.tryAgain')}</Button>
        </div>
      </Flex>
    </section>
  )
}
