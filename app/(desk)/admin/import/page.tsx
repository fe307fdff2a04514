import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportUpload } from "@/components/admin/ImportUpload";
import { Moment } from "@/components/admin/Moment";
import { PageHeader } from "@/components/admin/PageHeader";
import { TableScroll } from "@/components/admin/TableScroll";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { DEFAULT_LIMITS, IMPORT_FORMATS, listImportBatches, type ImportFormat } from "@/lib/import";
import { currentLocale } from "@/lib/desk-i18n";
import { formatNumber } from "@/lib/format";
import "../editorial.css";
import "./import.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.import");
  return { title: t("title") };
}

const isFormat = (format: string): format is ImportFormat => (IMPORT_FORMATS as readonly string[]).includes(format);

export default async function ImportPage() {
  const user = await requirePermission("import.run", "/admin/import");
  const [batches, t, locale] = await Promise.all([listImportBatches(), getTranslations("desk.import"), currentLocale()]);
  return (
    <>
      <PageHeader title={t("heading")} />
      <p>
        {t.rich("intro", {
          code: (chunks) => <code>{chunks}</code>,
          template: (chunks) => (
            <a href="/api/admin/import/template" download>
              {chunks}
            </a>
          ),
        })}
      </p>
      <ImportUpload maxMegabytes={DEFAULT_LIMITS.maxBytes / 2 ** 20} canPublish={can(user.role, "import.publish")} />

      <h2>{t("recent")}</h2>
      {batches.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <TableScroll label={t("recent")}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t("file")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className="number">
                  {t("entries")}
                </th>
                <th scope="col">{t("by")}</th>
                <th scope="col">{t("started")}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <Link href={`/admin/import/${b.id}`}>{b.filename === null ? t("unnamed") : <span translate="no">{b.filename}</span>}</Link>
                    {b.format ? <span className="muted"> · {isFormat(b.format) ? t(`formatName.${b.format}`) : b.format}</span> : null}
                  </th>
                  <td>{t(`kindName.${b.kind}`)}</td>
                  <td>{t(`state.${b.status}`)}</td>
                  <td className="number">{formatNumber(Math.max(0, b.total), locale)}</td>
                  <td translate="no">{b.createdBy?.name ?? "–"}</td>
                  <td>
                    <Moment date={b.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
