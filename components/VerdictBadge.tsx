// The verdict as a text label in a badge. The colour only repeats what the words say.
import { getTranslations } from "next-intl/server";
import type { Locale } from "../lib/i18n";
import type { PublicVerdict } from "../lib/public";

// The newsroom names its verdicts in both languages (records, not catalogue texts).
export function verdictName(verdict: PublicVerdict, locale: Locale): string {
  return locale === "en" ? verdict.nameEn : verdict.nameDe;
}

export function verdictExplanation(verdict: PublicVerdict, locale: Locale): string {
  return locale === "en" ? verdict.explanationEn : verdict.explanationDe;
}

export async function VerdictBadge({ verdict, locale }: { verdict: PublicVerdict | null; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "claim" });
  if (!verdict) {
    return (
      <span className="verdict verdict--none">
        <span className="visually-hidden">{t("verdict")}: </span>
        {t("noVerdict")}
      </span>
    );
  }
  const key = /^[a-z0-9-]+$/.test(verdict.key) ? verdict.key : "other";
  return (
    <span className={`verdict verdict--${key}`}>
      <span className="visually-hidden">{t("verdict")}: </span>
      {verdictName(verdict, locale)}
    </span>
  );
}
