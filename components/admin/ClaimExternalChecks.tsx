// On the desk's claim page: the other newsrooms' fact-checks linked to the claim ("also
// checked by"), each public or waiting for a second person's approval (with the approve action),
// and, for a claim from a back-catalogue import, where it came from. A server component of its
// own, so that the claim page needs one line for it.
import Link from "next/link";
import { ExternalLinkStatus, type ExternalLinkActions } from "@/components/admin/ExternalLinkStatus";
import { externalChecksOfClaim, importOfClaim } from "@/lib/external-checks";
import type { Role } from "@/lib/generated/prisma/enums";

export async function ClaimExternalChecks({ claimId, user, actions }: { claimId: string; user: { id: string; role: Role }; actions: ExternalLinkActions }) {
  const [links, origin] = await Promise.all([externalChecksOfClaim(claimId), importOfClaim(claimId)]);
  return (
    <section className="claim-section" aria-labelledby="extern">
      <h2 id="extern">Auch geprüft von</h2>
      {origin ? (
        <p className="notice">
          Aus dem Archiv importiert (<Link href={`/admin/import/${origin.id}`}>{origin.filename ?? "Import"}</Link>), mit
          dem ursprünglichen Veröffentlichungsdatum.
        </p>
      ) : null}
      {links.length === 0 ? (
        <p className="muted">
          Kein externer Faktencheck verknüpft. Verknüpfen lässt er sich auf seiner Seite unter{" "}
          <Link href="/admin/external-checks">Externe Faktenchecks</Link>.
        </p>
      ) : (
        <ul className="item-list">
          {links.map((link) => {
            const e = link.externalCheck;
            return (
              <li key={e.id}>
                <Link href={`/admin/external-checks/${e.id}`}>{e.publisherName}</Link>:{" "}
                {[e.textualRating, e.ratingValue !== null ? `${e.ratingValue}${e.bestRating !== null ? `/${e.bestRating}` : ""}` : null].filter(Boolean).join(" · ") || "–"}
                <span className="muted"> – „{e.claimText.length > 120 ? `${e.claimText.slice(0, 120)} …` : e.claimText}“</span>
                <ExternalLinkStatus link={link} user={user} actions={actions} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
