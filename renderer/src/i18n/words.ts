import type { TFunction } from 'i18next';

const cache = new WeakMap<TFunction, Map<string, string>>();

/**
 * t() for plain keys (no options), each looked up once per language (a language has its own t):
 * long lists repeat the same few words in every row, and an i18next lookup costs tens of
 * microseconds.
 */
export function cachedWords(t: TFunction): (key: string) => string {
  let seen = cache.get(t);
  if (!seen) cache.set(t, (seen = new Map()));
  const words = seen;
  return (key) => {
    let word = words.get(key);
    if (word === undefined) words.set(key, (word = t(key)));
    return word;
  };
}
