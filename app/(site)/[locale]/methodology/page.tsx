import type { Metadata } from "next";
import Link from "next/link";
import { VerdictBadge, verdictExplanation } from "@/components/VerdictBadge";
import { formatNumber } from "@/lib/format";
import { pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { getDictionary, localeHref } from "@/lib/i18n";
import { getVerdictScale } from "@/lib/public/cached";

type Props = { params: Promise<LocaleParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = getDictionary(locale);
  return { title: t.methodology.title, description: t.methodology.intro, alternates: await publicAlternates(locale, "/methodology") };
}

export default async function MethodologyPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = getDictionary(locale);
  const scale = await getVerdictScale();

  return (
    <article className="methodology">
      <h1>{t.methodology.title}</h1>
      <p className="lead">{t.methodology.intro}</p>

      <section aria-labelledby="scale-heading">
        <h2 id="scale-heading">{t.methodology.scale}</h2>
        {scale.labels.length === 0 ? (
          <p className="muted">{t.methodology.noScale}</p>
        ) : (
          <>
            <p>{t.methodology.scaleIntro}</p>
            <table className="scale-table">
              <caption>{t.methodology.scaleCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.methodology.labelColumn}</th>
                  <th scope="col">{t.methodology.explanationColumn}</th>
                  <th scope="col" className="number">
                    {t.methodology.ratingColumn}
                  </th>
                </tr>
              </thead>
              <tbody>
                {scale.labels.map((label) => (
                  <tr key={label.key}>
                    <th scope="row">
                      <VerdictBadge verdict={label} dict={t} />
                    </th>
                    <td>{verdictExplanation(label, t)}</td>
                    <td className="number">
                      {label.ratingValue === null ? t.methodology.noRating : formatNumber(label.ratingValue, t)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {scale.bestRating !== null && scale.worstRating !== null ? (
              <p>{t.methodology.ratingStatement(scale.bestRating, scale.worstRating)}</p>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="workflow-heading">
        <h2 id="workflow-heading">{t.methodology.workflow}</h2>
        <ol className="steps">
          {t.methodology.workflowSteps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
        <p>
          <Link href={localeHref(locale, "/corrections")}>{t.methodology.correctionsLink}</Link>
        </p>
      </section>
    </article>
  );
}
