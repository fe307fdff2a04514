// The verdict as a text label in a badge. The colour only repeats what the words say.
import type { Dictionary } from "../lib/i18n";
import type { PublicVerdict } from "../lib/public";

export function verdictName(verdict: PublicVerdict, dict: Dictionary): string {
  return dict.locale === "en" ? verdict.nameEn : verdict.nameDe;
}

export function verdictExplanation(verdict: PublicVerdict, dict: Dictionary): string {
  return dict.locale === "en" ? verdict.explanationEn : verdict.explanationDe;
}

export function VerdictBadge({ verdict, dict }: { verdict: PublicVerdict | null; dict: Dictionary }) {
  if (!verdict) {
    return (
      <span className="verdict verdict--none">
        <span className="visually-hidden">{dict.claim.verdict}: </span>
        {dict.claim.noVerdict}
      </span>
    );
  }
  const key = /^[a-z0-9-]+$/.test(verdict.key) ? verdict.key : "other";
  return (
    <span className={`verdict verdict--${key}`}>
      <span className="visually-hidden">{dict.claim.verdict}: </span>
      {verdictName(verdict, dict)}
    </span>
  );
}
