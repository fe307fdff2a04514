import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VerdictBadge, verdictExplanation } from "@/components/VerdictBadge";
import { formatNumber } from "@/lib/format";
import { pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { localeHref } from "@/lib/i18n";
import { getVerdictScale } from "@/lib/public/cached";

type Props = { params: Promise<LocaleParams> };

/** The steps of "How we work", in order (catalogue methodology.workflowSteps). */
const WORKFLOW_STEPS = ["facts", "research", "fourEyes", "corrections", "retractions"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "methodology" });
  return { title: t("title"), description: t("intro"), alternates: await publicAlternates(locale, "/methodology") };
}

export default async function MethodologyPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "methodology" });
  const scale = await getVerdictScale();

  return (
    <article className="methodology">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <section aria-labelledby="scale-heading">
        <h2 id="scale-heading">{t("scale")}</h2>
        {scale.labels.length === 0 ? (
          <p className="muted">{t("noScale")}</p>
        ) : (
          <>
            <p>{t("scaleIntro")}</p>
            <table className="scale-table">
              <caption>{t("scaleCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("labelColumn")}</th>
                  <th scope="col">{t("explanationColumn")}</th>
                  <th scope="col" className="number">
                    {t("ratingColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {scale.labels.map((label) => (
                  <tr key={label.key}>
                    <th scope="row">
                      <VerdictBadge verdict={label} locale={locale} />
                    </th>
                    <td>{verdictExplanation(label, locale)}</td>
                    <td className="number">
                      {label.ratingValue === null ? t("noRating") : formatNumber(label.ratingValue, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {scale.bestRating !== null && scale.worstRating !== null ? (
              <p>{t("ratingStatement", { best: scale.bestRating, worst: scale.worstRating })}</p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="workflow-heading">
        <h2 id="workflow-heading">{t("workflow")}</h2>
        <ol className="steps">
          {WORKFLOW_STEPS.map((step) => (
            <li key={step}>{t(`workflowSteps.${step}`)}</li>
          ))}
        </ol>
        <p>
          <Link href={localeHref(locale, "/corrections")}>{t("correctionsLink")}</Link>
        </p>
      </section>
    </article>
  );
}
