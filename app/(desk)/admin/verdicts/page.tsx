import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/admin/TableScroll";
import { ActionForm } from "@/components/admin/ActionForm";
import { TextField } from "@/components/admin/Fields";
import { requirePermission } from "@/lib/auth/session";
import { listVerdictLabels } from "@/lib/editorial/taxonomy";
import { createVerdictLabelAction } from "./actions";
import { LabelFields } from "./LabelFields";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.verdicts");
  return { title: t("title") };
}

export default async function VerdictsPage() {
  await requirePermission("taxonomy.manage", "/admin/verdicts");
  const [labels, t] = await Promise.all([listVerdictLabels(), getTranslations("desk.verdicts")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {labels.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <TableScroll label={t("title")}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t("position")}
                </th>
                <th scope="col">{t("nameDe")}</th>
                <th scope="col">{t("nameEn")}</th>
                <th scope="col">{t("key")}</th>
                <th scope="col" className="number">
                  {t("value")}
                </th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className="number">
                  {t("used")}
                </th>
              </tr>
            </thead>
            <tbody>
              {labels.map((l) => (
                <tr key={l.id}>
                  <td className="number">{l.position}</td>
                  <td>
                    <Link href={`/admin/verdicts/${l.id}`} lang="de">
                      {l.nameDe}
                    </Link>
                  </td>
                  <td lang="en">{l.nameEn}</td>
                  <td>
                    <code>{l.key}</code>
                  </td>
                  <td className="number">{l.ratingValue ?? "–"}</td>
                  <td>{l.active ? t("active") : t("inactive")}</td>
                  <td className="number">{l.usage}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <section aria-labelledby="new-label-heading">
        <h2 id="new-label-heading">{t("new")}</h2>
        <ActionForm action={createVerdictLabelAction} submitLabel={t("create")} resetOnSuccess>
          <TextField name="key" label={t("key")} required maxLength={40} hint={t("keyHint")} />
          <LabelFields />
        </ActionForm>
      </section>
    </>
  );
}
