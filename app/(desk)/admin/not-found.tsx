// A newsroom URL that names nothing (a deleted record, a mistyped address).
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function DeskNotFound() {
  const t = await getTranslations();
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.text")}</p>
      <p>
        <Link href="/admin">{t("nav.admin")}</Link>
      </p>
    </>
  );
}
