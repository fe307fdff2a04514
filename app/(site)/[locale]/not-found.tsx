// A public URL that names nothing, in the language of its URL. Rendered inside the site's
// layout; [...rest] sends every unknown path here.
import Link from "next/link";
import { getDictionary, getLocale, localeHref } from "@/lib/i18n";

export default async function NotFound() {
  const locale = await getLocale();
  const t = getDictionary(locale);
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <p>
        <Link href={localeHref(locale, "/")}>{t.notFound.home}</Link>
      </p>
    </>
  );
}
