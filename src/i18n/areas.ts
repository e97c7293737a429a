// What an area of the app says, and the key type that all areas make up together.
//
// Each area (a `messages.ts` beside the screens that use it) exports `{ en, ja }` and adds its
// English words to `MessageAreas` by module augmentation:
//
//   declare module '../../i18n/areas.ts' {
//     interface MessageAreas { signInForm: typeof en }
//   }
//
// so `t('signIn.title')` is type-checked everywhere while src/i18n imports no area above it. Which
// words a screen can use at run time is what it brings (withMessages in i18n-provider.tsx).

/** An area's words: English defines the keys; the area writes `ja satisfies Record<keyof typeof en, string>`. */
export type Messages = { en: Record<string, string>; ja: Record<string, string> }

/** One entry per area: its name and its English words. Every area adds itself (see above). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface MessageAreas {}

export type MessageKey = { [Area in keyof MessageAreas]: keyof MessageAreas[Area] & string }[keyof MessageAreas]
