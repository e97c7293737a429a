// The first screen's primitives draw Amplify UI's markup without its run time (ADR 026): each is
// rendered beside the Amplify UI component it stands for, and the two DOM trees must be the same
// (elements, classes, attributes; generated ids compared by where they point), so Amplify UI's
// stylesheets draw them alike, and an Amplify UI upgrade that changes its markup fails here.
import * as Amplify from '@aws-amplify/ui-react'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { renderWithProviders, textFor } from '../../tests/support/render-with-providers.tsx'
import { ErrorMessage, StatusMessage } from './messages.tsx'
import { PasswordInput } from './password-input.tsx'
import { Button, Flex, Loader, Text } from './primitives.tsx'
import { StepHeading } from './step-heading.tsx'
import { TextField } from './text-field.tsx'

/** A canonical text of a DOM tree: attributes sorted, ids numbered in order of appearance. */
function canonical(root: Element): string {
  const ids = new Map<string, string>()
  const id = (value: string) =>
    value.split(' ').map((part) => (ids.has(part) ? ids.get(part)! : (ids.set(part, `id${ids.size}`), `id${ids.size - 1}`)))
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
    if (!(node instanceof Element)) return ''
    const attributes = [...node.attributes]
      // Amplify UI's loader writes style="stroke: undefined" (an invalid value the browser drops) and test ids.
      .filter((a) => a.name !== 'data-testid' && !(a.name === 'style' && /^(stroke: undefined;\s*)?$/.test(a.value)))
      .map((a) => [a.name, ['id', 'for', 'aria-describedby'].includes(a.name) ? id(a.value).join(' ') : a.value] as const)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}="${value}"`)
    return `<${node.localName}${attributes.map((a) => ` ${a}`).join('')}>${[...node.childNodes].map(walk).join('')}</${node.localName}>`
  }
  return [...root.childNodes].map(walk).join('')
}

function markupOf(ui: ReactElement): string {
  const { container, unmount } = renderWithProviders(ui)
  const text = canonical(container)
  unmount()
  return text
}

const t = textFor('en')
const passwordLabels = {
  showPasswordButtonLabel: t('common.showPassword'),
  passwordIsHiddenLabel: t('common.passwordHidden'),
  passwordIsShownLabel: t('common.passwordShown'),
}

describe('the first screen’s primitives have Amplify UI’s markup', () => {
  test.each<[string, ReactElement, ReactElement]>([
    [
      'Flex',
      <Flex direction="column" gap="medium">
        x
      </Flex>,
      <Amplify.Flex direction="column" gap="medium">
        x
      </Amplify.Flex>,
    ],
    [
      'a waiting Flex with a Loader',
      <Flex className="waiting" alignItems="center" justifyContent="center" gap="small" role="status">
        <Loader hidden />
        <Text>Loading</Text>
      </Flex>,
      <Amplify.Flex className="waiting" alignItems="center" justifyContent="center" gap="small" role="status">
        <Amplify.Loader aria-hidden />
        <Amplify.Text>Loading</Amplify.Text>
      </Amplify.Flex>,
    ],
    ['Text', <Text className="aside">hi</Text>, <Amplify.Text className="aside">hi</Amplify.Text>],
    [
      'a primary full-width Button',
      <Button type="submit" variation="primary" isFullWidth isLoading={false} loadingText="Wait">
        Go
      </Button>,
      <Amplify.Button type="submit" variation="primary" isFullWidth isLoading={false} loadingText="Wait">
        Go
      </Amplify.Button>,
    ],
    [
      'a loading Button',
      <Button type="submit" variation="primary" isFullWidth isLoading loadingText="Wait">
        Go
      </Button>,
      <Amplify.Button type="submit" variation="primary" isFullWidth isLoading loadingText="Wait">
        Go
      </Amplify.Button>,
    ],
    [
      'a small disabled link Button',
      <Button variation="link" size="small" isDisabled>
        Forgot
      </Button>,
      <Amplify.Button variation="link" size="small" isDisabled>
        Forgot
      </Amplify.Button>,
    ],
    ['a default Button', <Button>Try again</Button>, <Amplify.Button>Try again</Amplify.Button>],
    [
      'a TextField',
      <TextField label="Username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} isRequired defaultValue="bob" />,
      <Amplify.TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        isRequired
        defaultValue="bob"
      />,
    ],
    [
      'a refused, disabled TextField with a description',
      <TextField label="Username" name="username" isRequired isDisabled hasError descriptiveText="desc" />,
      <Amplify.TextField label="Username" name="username" isRequired isDisabled hasError descriptiveText="desc" />,
    ],
    [
      'a TextField described by an alert',
      <TextField label="Username" name="username" hasError aria-describedby="alert" descriptiveText="desc" />,
      <Amplify.TextField label="Username" name="username" hasError aria-describedby="alert" descriptiveText="desc" />,
    ],
    [
      'a PasswordInput',
      <PasswordInput label="Password" name="password" autoComplete="current-password" />,
      <Amplify.PasswordField label="Password" name="password" autoComplete="current-password" isRequired {...passwordLabels} />,
    ],
    [
      'a refused, disabled PasswordInput with a description',
      <PasswordInput label="Password" name="password" autoComplete="new-password" disabled invalid describedBy="alert" descriptiveText="desc" />,
      <Amplify.PasswordField
        label="Password"
        name="password"
        autoComplete="new-password"
        isRequired
        isDisabled
        hasError
        aria-describedby="alert"
        descriptiveText="desc"
        {...passwordLabels}
      />,
    ],
    [
      'an ErrorMessage',
      <ErrorMessage id="e">Bad</ErrorMessage>,
      <Amplify.Alert variation="error" id="e" className="message">
        Bad
      </Amplify.Alert>,
    ],
    ...(['success', 'info', 'warning'] as const).map((variation): [string, ReactElement, ReactElement] => [
      `a ${variation} StatusMessage`,
      <StatusMessage variation={variation}>News</StatusMessage>,
      <Amplify.Alert variation={variation} role="status" className="message">
        News
      </Amplify.Alert>,
    ]),
    [
      'a StepHeading',
      <StepHeading level={2} id="h" focusOnMount={false}>
        Title
      </StepHeading>,
      <Amplify.Heading level={2} tabIndex={-1} id="h" className="step-heading">
        Title
      </Amplify.Heading>,
    ],
  ])('%s', (_, ours, theirs) => {
    expect(markupOf(ours)).toBe(markupOf(theirs))
  })

  test('the password switch, once turned on, as Amplify UI’s', async () => {
    const user = userEvent.setup()
    const shown = async (ui: ReactElement) => {
      const { container, unmount } = renderWithProviders(ui)
      await user.click(screen.getByRole('switch'))
      const text = canonical(container)
      unmount()
      return text
    }
    const ours = await shown(<PasswordInput label="Password" name="password" autoComplete="current-password" />)
    expect(ours).toContain('type="text"')
    expect(ours).toBe(
      await shown(<Amplify.PasswordField label="Password" name="password" autoComplete="current-password" isRequired {...passwordLabels} />),
    )
  })
})
