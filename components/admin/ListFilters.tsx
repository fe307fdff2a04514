// The search and filter form above a newsroom list: a GET form to the list's own path, so the
// filters live in the URL (lib/editorial/listing.ts reads them back). Each field is a labelled
// input or select whose value is the page's validated value; hidden fields (say the tab of the
// audit log, or the list's sort order) are kept on every search and by the reset link; kept
// fields (a quick filter: "My claims") on every search, not by the reset link.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listHref } from "@/lib/editorial/listing";

interface FieldBase {
  /** The URL parameter. */
  name: string;
  label: string;
  /** The element id; default `${idPrefix}-${name}`, or the name without a prefix. */
  id?: string;
  /** The current (validated) value. */
  value?: string;
}

export interface InputFilter extends FieldBase {
  type?: "search" | "date";
  options?: never;
}

export interface SelectFilter extends FieldBase {
  options: { value: string; label: string }[];
  /** The first option, value "" ("alle"); none when the select always has a value. */
  emptyLabel?: string;
}

export type ListFilter = InputFilter | SelectFilter;

export async function ListFilters({
  action,
  label,
  fields,
  filtered,
  idPrefix,
  hidden = {},
  keep = {},
  resetLabel,
  className,
  searchLandmark = true,
}: {
  /** The list's path. */
  action: string;
  /** The form's accessible name. */
  label: string;
  fields: ListFilter[];
  /** Whether a filter is set: then a link resets them. */
  filtered: boolean;
  idPrefix?: string;
  hidden?: Record<string, string>;
  /** Parameters the form sends along but the reset link drops (quick filters). */
  keep?: Record<string, string>;
  resetLabel?: string;
  className?: string;
  /** A search landmark (role="search"); false leaves the form a plain form. */
  searchLandmark?: boolean;
}) {
  const t = await getTranslations("desk.list");
  const idOf = (f: ListFilter) => f.id ?? (idPrefix ? `${idPrefix}-${f.name}` : f.name);
  return (
    <form
      method="get"
      action={action}
      className={className ? `list-controls ${className}` : "list-controls"}
      role={searchLandmark ? "search" : undefined}
      aria-label={label}
    >
      {Object.entries({ ...keep, ...hidden }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={idOf(f)}>{f.label}</label>
          {f.options ? (
            <select id={idOf(f)} name={f.name} defaultValue={f.value ?? ""}>
              {f.emptyLabel !== undefined && <option value="">{f.emptyLabel}</option>}
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input id={idOf(f)} name={f.name} type={f.type} defaultValue={f.value} />
          )}
        </div>
      ))}
      <div className="admin-form__actions">
        <button type="submit" className="button">
          {t("show")}
        </button>
        {filtered && <Link href={listHref(action, {}, hidden)}>{resetLabel ?? t("reset")}</Link>}
      </div>
    </form>
  );
}
