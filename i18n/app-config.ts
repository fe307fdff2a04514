// next-intl's types for this app: the German catalogue is the shape of the messages (a key
// that is not in it fails `tsc`), and the locales are the public site's two languages.
// A .ts file, not a .d.ts: tsconfig's skipLibCheck would skip a declaration file silently.
import type { routing } from "./routing";
import type de from "../messages/de.json";
import type en from "../messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof de;
  }
}

// Both catalogues have the same keys, nested (tests/unit/i18n-messages.test.ts also checks
// that the messages agree in their placeholders).
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type CataloguesAgree = Assert<SameShape<typeof de, typeof en>>;
