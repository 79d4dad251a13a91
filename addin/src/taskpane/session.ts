/** The signed-in token and the chosen language, kept in the add-in's storage on this computer. */
import { langOf, type Lang } from '../../../shared/i18n';

const TOKEN = 'chitieu.token';
const LANG = 'chitieu.lang';

export interface Session {
  token(): string | null;
  setToken(token: string | null): void;
  lang(): Lang;
  setLang(lang: Lang): void;
}

export function storageSession(storage: Storage = window.localStorage): Session {
  return {
    token: () => storage.getItem(TOKEN),
    setToken: (token) => (token ? storage.setItem(TOKEN, token) : storage.removeItem(TOKEN)),
    lang: () => langOf(storage.getItem(LANG)),
    setLang: (lang) => storage.setItem(LANG, lang),
  };
}
