// The distribution of verdicts as a bar chart that is a table: each row names the verdict in
// words, gives the count and the share as text, and draws the share as a bar. The bar and
// its colour only repeat the numbers; screen readers read the table (the bars are hidden).
// Pure HTML and CSS: no script, no image.
import type { CSSProperties } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "../lib/i18n";
import { formatNumber } from "../lib/format";
import type { PublicVerdictDistribution } from "../lib/public";
import { verdictName } from "./VerdictBadge";

export async function VerdictChart({
  distribution,
  caption,
  locale,
}: {
  distribution: PublicVerdictDistribution;
  caption: string;
  locale: Locale;
}) {
  const t = await getTranslations({ locale });
  const total = distribution.total;
  return (
    <table className="verdict-chart">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("speaker.verdictColumn")}</th>
          <th scope="col" className="number">
            {t("speaker.countColumn")}
          </th>
          <th scope="col">{t("speaker.barColumn")}</th>
        </tr>
      </thead>
      <tbody>
        {distribution.counts.map(({ verdict, count }) => {
          const key = verdict && /^[a-z0-9-]+$/.test(verdict.key) ? verdict.key : verdict ? "other" : "none";
          const share = total > 0 ? count / total : 0;
          return (
            <tr key={verdict?.key ?? "none"}>
              <th scope="row">{verdict ? verdictName(verdict, locale) : t("claim.noVerdict")}</th>
              <td className="number">{formatNumber(count, locale)}</td>
              <td className="verdict-chart__bar-cell">
                <div className="verdict-chart__bar-wrap">
                  <span className="verdict-chart__track" aria-hidden="true">
                    <span
                      className={`verdict-chart__bar verdict-chart__bar--${key}`}
                      style={{ "--share": `${(share * 100).toFixed(1)}%` } as CSSProperties}
                    />
                  </span>
                  <span className="verdict-chart__share">
                    {formatNumber(share, locale, { style: "percent", maximumFractionDigits: 0 })}
                  </span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
