import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/PageHeader";
import { requirePermission } from "@/lib/auth/session";
import { EXPORT_FORMATS, EXPORT_KINDS } from "@/lib/export";
import "../editorial.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.export");
  return { title: t("title") };
}

export default async function ExportPage() {
  await requirePermission("desk.view", "/admin/export");
  const t = await getTranslations("desk.export");
  return (
    <>
      <PageHeader title={t("heading")} />
      <p>
        {t.rich("intro", {
          code: (chunks) => <code translate="no">{chunks}</code>,
        })}
      </p>
      <ul className="export-links">
        {EXPORT_KINDS.map((kind) => (
          <li key={kind}>
            {t(`kind.${kind}`)}:{" "}
            {EXPORT_FORMATS.map((format, i) => (
              <span key={format}>
                {i > 0 ? " · " : null}
                <a href={`/api/admin/export?kind=${kind}&format=${format}`} download>
                  {t(`format.${format}`)}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <h2>{t("machines")}</h2>
      <ul>
        <li>
          {t.rich("feed", {
            de: (chunks) => <a href="/api/v1/claimreview-feed.json" hrefLang="de">{chunks}</a>,
            en: (chunks) => <a href="/api/v1/claimreview-feed.json?lang=en" hrefLang="en">{chunks}</a>,
          })}
        </li>
        <li>
          {t.rich("api", {
            reference: (chunks) => <a href="/api/v1/docs">{chunks}</a>,
            openapi: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
          })}
        </li>
      </ul>
    </>
  );
}
