// The delete section of a record's page: a heading, why (or what) it deletes, and the delete
// form with the record's version and a confirmation question. Without `form` (the record is
// in use and may not be deleted) it only explains.
import type { ReactNode } from "react";
import { ActionForm } from "@/components/admin/ActionForm";
import type { FormAction } from "@/lib/actions/define";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

export function DeleteSection({
  heading,
  children,
  form,
}: {
  heading: string;
  /** The explanation. */
  children?: ReactNode;
  form?: { action: FormAction; id: string; version: number; submitLabel: string; confirm: string };
}) {
  return (
    <section className="danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{heading}</h2>
      {children}
      {form && <ActionForm action={form.action} version={form.version} hidden={{ id: form.id }} submitLabel={form.submitLabel} confirm={form.confirm} />}
    </section>
  );
}
