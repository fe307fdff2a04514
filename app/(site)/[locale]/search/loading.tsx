// While a search runs (the one public page rendered per request).
import { getTranslations } from "next-intl/server";

export default async function SearchLoading() {
  const t = await getTranslations("error");
  return (
    <p role="status" className="muted">
      {t("loading")}
    </p>
  );
}
