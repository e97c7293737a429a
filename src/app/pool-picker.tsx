import type { PoolConfig } from '../config/app-config.ts'
import type { MessageKey } from '../i18n/areas.ts'
import { useT } from '../i18n/i18n-provider.tsx'

const mfaLabel: Partial<Record<PoolConfig['mfa'], MessageKey>> = {
  optional: 'app.pool.optional',
  required: 'app.pool.required',
  off: 'app.pool.off',
}

/** Pools are named by what matters for this app, their MFA setting; the emulator's name only breaks ties. */
export function poolLabel(pool: PoolConfig, pools: readonly PoolConfig[], t: ReturnType<typeof useT>): string {
  const key = mfaLabel[pool.mfa]
  if (!key) return pool.name ?? pool.userPoolId
  const clash = pools.filter((p) => p.mfa === pool.mfa).length > 1
  return clash ? `${t(key)} (${pool.name ?? pool.userPoolId})` : t(key)
}

/** The local emulator's demo pools as a small segmented choice (native radios: keyboard and screen readers for free). */
export function PoolPicker({ pools, chosen, onChoose }: { pools: readonly PoolConfig[]; chosen: PoolConfig; onChoose(pool: PoolConfig): void }) {
  const t = useT()
  return (
    <fieldset className="pool-picker" aria-describedby="pool-picker-hint">
      <legend className="pool-picker__legend">{t('app.pool.label')}</legend>
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
            <span>{poolLabel(pool, pools, t)}</span>
          </label>
        ))}
      </div>
      <p className="pool-picker__hint" id="pool-picker-hint">
        {t('app.pool.hint')}
      </p>
    </fieldset>
  )
}
