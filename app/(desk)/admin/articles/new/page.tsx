import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/ActionForm";
import { Select, TextArea, TextField } from "@/components/admin/Fields";
import { FileField } from "@/components/admin/FileField";
import { requirePermission } from "@/lib/auth/session";
import { MAX_INGEST_BYTES } from "@/lib/ingest";
import { ingestArticleAction } from "../actions";
import "../../editorial.css";
import "../articles.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Artikel einlesen" };

export default async function NewArticlePage() {
  await requirePermission("record.edit", "/admin/articles/new");
  return (
    <>
      <p>
        <Link href="/admin/articles">← Alle Artikel</Link>
      </p>
      <h1>Artikel einlesen</h1>
      <p>
        Fügen Sie den Text eines Artikels ein oder laden Sie ihn als Datei hoch (.txt oder .html, UTF-8, höchstens 2 MB). Aus HTML wird der
        Artikeltext gelesen: ohne Navigation, Kopf- und Fußzeilen, Skripte und Kommentare, mit Absätzen. Der gespeicherte Text ist die Grundlage
        aller Zeichenpositionen und wird nicht mehr geändert. Danach schlägt die automatische Extraktion Zitate und Behauptungen vor.
      </p>
      <ActionForm action={ingestArticleAction} submitLabel="Einlesen und Vorschläge erstellen">
        <fieldset className="ingest-input">
          <legend>Der Artikel</legend>
          <TextArea name="text" label="Text einfügen" rows={14} hint="Reiner Text oder HTML-Quelltext." />
          <Select
            name="format"
            label="Format des eingefügten Textes"
            emptyLabel="automatisch erkennen"
            options={[
              { value: "text", label: "Reiner Text" },
              { value: "html", label: "HTML" },
            ]}
          />
          <p className="ingest-or">oder</p>
          <FileField
            name="file"
            label="Datei hochladen"
            hint=".txt oder .html, in UTF-8, höchstens 2 MB."
            accept=".txt,.html,.htm,text/plain,text/html"
            maxBytes={MAX_INGEST_BYTES}
            extensions={["txt", "text", "html", "htm", "xhtml"]}
          />
        </fieldset>
        <TextField name="title" label="Titel" maxLength={500} hint="Leer lassen: aus der Überschrift (HTML) oder der ersten Zeile." />
        <TextField name="publisher" label="Herausgeber" maxLength={300} />
        <TextField name="publishedAt" label="Veröffentlicht am" type="date" />
        <TextField name="url" label="Adresse (URL)" type="url" hint="Optional, z. B. https://…" />
        <Select
          name="language"
          label="Sprache"
          emptyLabel="automatisch erkennen"
          options={[
            { value: "de", label: "Deutsch" },
            { value: "en", label: "Englisch" },
          ]}
        />
      </ActionForm>
    </>
  );
}
