// The UI's two languages. Chinese is the default; the choice is kept in localStorage. `t(key)`
// reads a rune, so every template that calls it re-renders when the language changes.
// Dictionaries are split per module: each module registers its own through `registerDictionary`.

/** A UI language. */
export type Language = "zh" | "en";

/** One entry: the Chinese text, then the English text. `{name}` marks a parameter. */
export type Entry = readonly [zh: string, en: string];

/** A module's dictionary: keys (without the module prefix) to their two texts. */
export type Dictionary = Record<string, Entry>;

const STORAGE_KEY = "omsdesk.language";

const entries = new Map<string, Entry>();

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

const current = $state<{ language: Language }>({ language: storedLanguage() });

/** The language the UI shows now (reactive). */
export function language(): Language {
  return current.language;
}

/** Switches the language and remembers the choice. */
export function setLanguage(next: Language): void {
  current.language = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // A webview without storage still switches; the choice is only not remembered.
  }
  if (typeof document !== "undefined") document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
}

/** Switches between Chinese and English. */
export function toggleLanguage(): void {
  setLanguage(current.language === "zh" ? "en" : "zh");
}

/**
 * Adds a module's texts under `<module>.<key>`. Registering the same key twice keeps the last
 * texts, so a module may refine the common ones it owns.
 */
export function registerDictionary(module: string, dictionary: Dictionary): void {
  for (const [key, entry] of Object.entries(dictionary)) entries.set(`${module}.${key}`, entry);
}

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The text for `key` (`"common.save"`, `"products.title"`) in the current language, with
 * `{name}` parameters filled in. A missing key shows as the key itself, so it is easy to spot.
 */
export function t(key: string, params?: Record<string, string | number>): string {
  const entry = entries.get(key);
  if (!entry) return key;
  return fill(current.language === "zh" ? entry[0] : entry[1], params);
}

/** True when `key` has texts (for optional labels such as code names). */
export function hasText(key: string): boolean {
  return entries.has(key);
}

/** Picks one of two texts the server or Rust gave in both languages (e.g. `name`/`nameEn`). */
export function localized(zh: string | null | undefined, en: string | null | undefined): string {
  const first = current.language === "zh" ? zh : en;
  const second = current.language === "zh" ? en : zh;
  return first || second || "";
}

/**
 * The name of a documented code from the `<module>.code.<group>.<code>` entries the module
 * registered (e.g. `codeLabel("b2c", "status", 3)` reads `b2c.code.status.3`); the bare code when
 * it is unknown, so codes the server adds later still show.
 */
export function codeLabel(
  module: string,
  group: string,
  code: string | number | null | undefined,
): string {
  if (code === null || code === undefined || code === "") return "";
  const key = `${module}.code.${group}.${code}`;
  return entries.has(key) ? t(key) : String(code);
}
