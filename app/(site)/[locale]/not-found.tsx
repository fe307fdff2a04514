// A public URL that names nothing, in the language of its URL. Rendered inside the site's
// layout; [...rest] sends every unknown path here.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getLocale, localeHref } from "@/lib/i18n";

export default async function NotFound() {
  const locale = await getLocale();
  const t = await getTranslations({ locale, namespace: "notFound" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <Link href={localeHref(locale, "/")}>{t("home")}</Link>
      </p>
    </>
  );
}
