import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { countClaimsByStatus } from "@/lib/admin/dashboard";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/ActionForm";
import { currentLocale } from "@/lib/desk-i18n";
import { formatNumber } from "@/lib/format";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

export default async function AdminPage() {
  const user = await requireUser("/admin");
  const [t, counts, locale] = await Promise.all([getTranslations(), countClaimsByStatus(), currentLocale()]);
  const total = counts.reduce((sum, c) => sum + c.count, 0);

  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p>{t("admin.signedInAs", { name: user.name, role: t(`role.${user.role}`) })}</p>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t("admin.claimsByStatus")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.status")}</th>
              <th scope="col" className="number">
                {t("admin.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.status}>
                <th scope="row">{t(`status.${c.status}`)}</th>
                <td className="number">{formatNumber(c.count, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("admin.total")}</th>
              <td className="number">{formatNumber(total, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <ActionForm action={signOutAction} submitLabel={t("admin.signOut")} className="signout-form" />
    </>
  );
}
