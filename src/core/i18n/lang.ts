// Which language a reply is written in. English is the default; Chinese when asked for, or when
// the user wrote in Chinese (a question in Chinese deserves an answer in Chinese).
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

const HAN = /\p{Script=Han}/u;

export function containsChinese(text: string): boolean {
  return HAN.test(text);
}

/** Maps a platform locale ("zh-CN", "zh-TW", "en-US", "zh") onto a reply language. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * An explicit choice (`--lang`) wins; then the script of what the user typed; then the
 * platform's locale; then English.
 */
export function chooseLang(opts: { explicit?: Lang | undefined; text?: string; locale?: string | undefined }): Lang {
  if (opts.explicit) return opts.explicit;
  if (opts.text && containsChinese(opts.text)) return 'zh';
  return langFromLocale(opts.locale) ?? 'en';
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Picks one language out of a bilingual record. */
export function pick(text: { en: string; zh: string }, lang: Lang): string {
  return text[lang];
}
