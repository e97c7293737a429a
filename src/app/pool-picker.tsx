// The local backend's pool picker (app.tsx), with its words and styles: a build for a real pool
// leaves it out (__LOCAL_POOL_POSSIBLE__, ADR 028), so none of it is on that first screen.
import './pool-picker.css'
import type { PoolConfig } from '../config/app-config.ts'
import { useLocale } from '../i18n/i18n-provider.tsx'
import type { Locale } from '../i18n/locale.ts'
import { messages } from './pool-picker-messages.ts'

const mfaLabel: Partial<Record<PoolConfig['mfa'], keyof typeof messages.en>> = {
  optional: 'app.pool.optional',
  required: 'app.pool.required',
  off: 'app.pool.off',
}

/**
 * Pools are named by what matters for this app, their MFA setting; the emulator's name only breaks
 * ties. The picker and its label read this module's own words (no withMessages): the account page
 * shows the label too, outside the picker.
 */
export function poolLabel(pool: PoolConfig, pools: readonly PoolConfig[], locale: Locale): string {
  const key = mfaLabel[pool.mfa]
  if (!key) return pool.name ?? pool.userPoolId
  const clash = pools.filter((p) => p.mfa === pool.mfa).length > 1
  return clash ? `${messages[locale][key]} (${pool.name ?? pool.userPoolId})` : messages[locale][key]
}

type PoolPickerProps = { pools: readonly PoolConfig[]; chosen: PoolConfig; onChoose(pool: PoolConfig): void }

/** The local emulator's demo pools as a small segmented choice (native radios: keyboard and screen readers for free). */
export function PoolPicker({ pools, chosen, onChoose }: PoolPickerProps) {
  const { locale } = useLocale()
  const words = messages[locale]
  return (
    <fieldset className="pool-picker" aria-describedby="pool-picker-hint">
      <legend className="pool-picker__legend">{words['app.pool.label']}</legend>
      <div className="pool-picker__options">
        {pools.map((pool) => (
          <label key={pool.userPoolId} className="pool-picker__option">
            <input
              type="radio"
              name="local-pool"
              value={pool.userPoolId}
              checked={pool.userPoolId === chosen.userPoolId}
              onChange={() => onChoose(pool)}
            />
            <span>{poolLabel(pool, pools, locale)}</span>
          </label>
        ))}
      </div>
      <p className="pool-picker__hint" id="pool-picker-hint">
        {words['app.pool.hint']}
      </p>
    </fieldset>
  )
}
