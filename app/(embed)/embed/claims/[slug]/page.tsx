// The embed card of a public claim, for an iframe on another site (oEmbed): the claim, its
// claimant, the verdict as a text badge, the summary and a link to the full fact-check that
// opens in the top window. Not indexed: the claim page is the canonical one.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { VerdictBadge } from "@/components/VerdictBadge";
import { getPublicClaim } from "@/lib/public/cached";
import { absoluteUrl, getPageSiteInfo, paths } from "@/lib/site";

import { noPagesAtBuildTime } from "@/i18n/page";

export const generateStaticParams = noPagesAtBuildTime;

type Params = { params: Promise<{ slug: string }> };

/** The card is German, like the newsroom's texts it shows (the layout's lang="de"). */
const LOCALE = "de";

const loadClaim = cache((slug: string) => getPublicClaim(slug));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const claim = await loadClaim((await params).slug);
  if (!claim) return { robots: { index: false } };
  const { origin } = await getPageSiteInfo();
  return {
    title: claim.text,
    robots: { index: false, follow: true },
    alternates: { canonical: absoluteUrl(origin, paths.claim(claim.slug)) },
  };
}

export default async function EmbedClaimPage({ params }: Params) {
  const t = await getTranslations({ locale: LOCALE });
  const claim = await loadClaim((await params).slug);
  if (!claim) notFound();
  const { origin, organization } = await getPageSiteInfo();
  const url = absoluteUrl(origin, paths.claim(claim.slug));

  return (
    <article className="embed-card">
      <p className="embed-card__meta">
        <VerdictBadge verdict={claim.verdict} locale={LOCALE} />
        {claim.status !== "published" ? <span className="status-note">{t(`status.${claim.status}`)}</span> : null}
      </p>
      <h1 className="embed-card__claim" lang={claim.language}>
        {claim.text}
      </h1>
      {claim.claimant ? (
        <p className="embed-card__claimant">
          {t("claim.claimant")}: {claim.claimant.name}
        </p>
      ) : null}
      {claim.status === "retracted" ? <p className="embed-card__summary">{t("claim.retractedNotice")}</p> : null}
      {claim.summary ? <p className="embed-card__summary">{claim.summary}</p> : null}
      <p className="embed-card__footer">
        <a href={url} target="_top">
          {t("embed.readFactCheck")}
        </a>
        <span className="muted">{organization.name}</span>
      </p>
    </article>
  );
}
