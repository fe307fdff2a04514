// On the desk's claim page: the other newsrooms' fact-checks linked to the claim ("also
// checked by"), each public or waiting for a second person's approval (with the approve action),
// and, for a claim from a back-catalogue import, where it came from. A server component of its
// own, so that the claim page needs one line for it.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExternalLinkStatus, type ExternalLinkActions } from "@/components/admin/ExternalLinkStatus";
import { externalChecksOfClaim, importOfClaim } from "@/lib/external-checks";
import type { Role } from "@/lib/auth/permissions";

export async function ClaimExternalChecks({ claimId, user, actions }: { claimId: string; user: { id: string; role: Role }; actions: ExternalLinkActions }) {
  const [links, origin, t] = await Promise.all([externalChecksOfClaim(claimId), importOfClaim(claimId), getTranslations("desk.externalLink")]);
  return (
    <section className="claim-section" aria-labelledby="extern">
      <h2 id="extern">{t("alsoChecked")}</h2>
      {origin ? (
        <p className="notice">
          {t.rich("fromArchive", {
            name: origin.filename ?? "Import",
            import: (chunks) => (
              <Link href={`/admin/import/${origin.id}`} translate="no">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}
      {links.length === 0 ? (
        <p className="muted">{t.rich("noneLinked", { list: (chunks) => <Link href="/admin/external-checks">{chunks}</Link> })}</p>
      ) : (
        <ul className="item-list">
          {links.map((link) => {
            const e = link.externalCheck;
            return (
              <li key={e.id}>
                <Link href={`/admin/external-checks/${e.id}`} translate="no">
                  {e.publisherName}
                </Link>
                :{" "}
                <span translate="no">
                  {[e.textualRating, e.ratingValue !== null ? `${e.ratingValue}${e.bestRating !== null ? `/${e.bestRating}` : ""}` : null].filter(Boolean).join(" · ") || "–"}
                </span>
                <span className="muted">
                  {" – "}
                  <q translate="no">{e.claimText.length > 120 ? `${e.claimText.slice(0, 120)} …` : e.claimText}</q>
                </span>
                <ExternalLinkStatus link={link} user={user} actions={actions} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
