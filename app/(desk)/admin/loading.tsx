// While a newsroom page loads (they are rendered per request, some with many queries).
import { getTranslations } from "next-intl/server";

export default async function DeskLoading() {
  const t = await getTranslations("error");
  return (
    <p role="status" className="muted">
      {t("loading")}
    </p>
  );
}
