// URL slugs from German or English text: "Präsident Äußerung" -> "praesident-aeusserung".
const GERMAN = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss" } as const;

export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .replace(/[äöüÄÖÜß]/g, (c) => GERMAN[c as keyof typeof GERMAN])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug || "item";
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, cut.lastIndexOf("-") > 20 ? cut.lastIndexOf("-") : maxLength);
}

/** The slug, or the slug with the smallest numeric suffix that `taken` does not contain. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
