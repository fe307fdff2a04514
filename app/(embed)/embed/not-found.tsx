// An embed card of a claim that is not public (or does not exist).
import { getTranslations } from "next-intl/server";

export default async function EmbedNotFound() {
  const t = await getTranslations({ locale: "de", namespace: "notFound" });
  return <p className="embed-card">{t("title")}</p>;
}
