import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { DeleteSection } from "@/components/admin/DeleteSection";
import { requirePermission } from "@/lib/auth/session";
import { getVerdictLabel } from "@/lib/editorial/taxonomy";
import { currentLocale } from "@/lib/desk-i18n";
import { deleteVerdictLabelAction, updateVerdictLabelAction } from "../actions";
import { LabelFields } from "../LabelFields";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.verdict");
  return { title: t("metaTitle") };
}

export default async function VerdictLabelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("taxonomy.manage", `/admin/verdicts/${id}`);
  const label = await getVerdictLabel(id);
  if (!label) notFound();
  const [t, locale] = await Promise.all([getTranslations("desk.verdict"), currentLocale()]);
  const name = locale === "en" ? label.nameEn : label.nameDe;
  return (
    <>
      <p>
        <Link href="/admin/verdicts">{t("back")}</Link>
      </p>
      <h1>{t("title", { name })}</h1>
      <p>
        {t("key")} <code>{label.key}</code> · {t("usage", { count: label.usage })} ·{" "}
        <Link href={`/admin/audit?log=changes&entityType=VerdictLabel&entityId=${label.id}`}>{t("changes")}</Link>
      </p>
      <ActionForm action={updateVerdictLabelAction} submitLabel={t("save")} version={label.version} hidden={{ id: label.id }}>
        <LabelFields label={label} />
      </ActionForm>

      <DeleteSection
        heading={t("deleteHeading")}
        form={
          label.usage > 0
            ? undefined
            : { action: deleteVerdictLabelAction, id: label.id, version: label.version, submitLabel: t("delete"), confirm: t("deleteConfirm", { name }) }
        }
      >
        {label.usage > 0 && <p>{t("inUse")}</p>}
      </DeleteSection>
    </>
  );
}
