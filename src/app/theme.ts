import type { Theme } from '@aws-amplify/ui-react'

// A calm teal instead of Amplify's default, and fonts that render Japanese well on every
// platform. The build turns these tokens into CSS custom properties (scripts/amplify-ui-theme.ts,
// imported as virtual:amplify-theme.css), so the 11 KiB base.css of Amplify UI is not needed and
// nothing writes a <style> element at run time (the Content-Security-Policy forbids it).
// The app imports only themeName, the value of the data-amplify-theme attribute that CSS targets.
export const themeName = 'cognito-totp'

export const theme: Theme = {
  name: themeName,
  tokens: {
    colors: {
      // Amplify UI's components read colors.primary (brand.primary is only an alias).
      primary: {
        10: { value: '#eaf4f2' },
        20: { value: '#c9e5df' },
        40: { value: '#86c4b8' },
        60: { value: '#3a9483' },
        80: { value: '#1d6b5e' },
        90: { value: '#165449' },
        100: { value: '#0f3a33' },
      },
    },
    fonts: {
      default: {
        variable: {
          value:
            "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans JP', 'Yu Gothic UI', Meiryo, sans-serif",
        },
        static: {
          value:
            "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans JP', 'Yu Gothic UI', Meiryo, sans-serif",
        },
      },
    },
    components: {
      heading: {
        1: { fontSize: { value: '1.75rem' }, fontWeight: { value: '{fontWeights.bold.value}' } },
        2: { fontSize: { value: '1.25rem' }, fontWeight: { value: '{fontWeights.bold.value}' } },
        3: { fontSize: { value: '1.125rem' }, fontWeight: { value: '{fontWeights.semibold.value}' } },
      },
    },
    radii: {
      small: { value: '0.375rem' },
      medium: { value: '0.5rem' },
      large: { value: '0.75rem' },
    },
  },
}
