import { useLocale, useT } from '../i18n/i18n-provider.tsx'
import { locales, type Locale } from '../i18n/locale.ts'

/** A two-button switch; each language is named in itself so a lost reader can find theirs. */
export function LanguageSwitch() {
  const t = useT()
  const { locale, setLocale } = useLocale()
  return (
    <div role="group" aria-label={t('lang.label')} className="language-switch">
      {locales.map((l: Locale) => (
        <button key={l} type="button" lang={l} aria-pressed={locale === l} className="language-switch__option" onClick={() => setLocale(l)}>
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  )
}
