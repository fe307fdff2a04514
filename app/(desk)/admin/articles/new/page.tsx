import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextArea, TextField } from "@/components/admin/Fields";
import { FileField } from "@/components/admin/FileField";
import { requirePermission } from "@/lib/auth/session";
import { MAX_INGEST_BYTES } from "@/lib/ingest";
import { ingestArticleAction } from "../actions";
import "../../editorial.css";
import "../articles.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk.articles");
  return { title: t("ingest") };
}

export default async function NewArticlePage() {
  await requirePermission("record.edit", "/admin/articles/new");
  const t = await getTranslations("desk.articleNew");
  return (
    <>
      <p>
        <Link href="/admin/articles">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ActionForm action={ingestArticleAction} submitLabel={t("submit")}>
        <fieldset className="ingest-input">
          <legend>{t("article")}</legend>
          <TextArea name="text" label={t("text")} rows={14} hint={t("textHint")} />
          <Select
            name="format"
            label={t("format")}
            emptyLabel={t("auto")}
            options={[
              { value: "text", label: t("plainText") },
              { value: "html", label: "HTML" },
            ]}
          />
          <p className="ingest-or">{t("or")}</p>
          <FileField
            name="file"
            label={t("file")}
            hint={t("fileHint")}
            accept=".txt,.html,.htm,text/plain,text/html"
            maxBytes={MAX_INGEST_BYTES}
            extensions={["txt", "text", "html", "htm", "xhtml"]}
          />
        </fieldset>
        <TextField name="title" label={t("titleField")} maxLength={500} hint={t("titleHint")} />
        <TextField name="publisher" label={t("publisher")} maxLength={300} />
        <TextField name="publishedAt" label={t("publishedAt")} type="date" />
        <TextField name="url" label={t("url")} type="url" hint={t("urlHint")} />
        <Select
          name="language"
          label={t("language")}
          emptyLabel={t("auto")}
          options={[
            { value: "de", label: t("german") },
            { value: "en", label: t("english") },
          ]}
        />
      </ActionForm>
    </>
  );
}
