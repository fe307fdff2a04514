// The head of a newsroom list page: the title, the link to create a new record beside it (left
// out for those who may not create one), and a one-time notice below ("… wurde gelöscht").
import Link from "next/link";
import type { ReactNode } from "react";
// Its styles, so that any page using the component gets them (not only the ones that import it).
import "@/app/(desk)/admin/editorial.css";

export function PageHeader({ title, newLink, notice }: { title: ReactNode; newLink?: { href: string; label: string }; notice?: ReactNode }) {
  return (
    <>
      <div className="admin-page-header">
        <h1>{title}</h1>
        {newLink && (
          <Link className="button" href={newLink.href}>
            {newLink.label}
          </Link>
        )}
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
    </>
  );
}

/** A confirmation after a redirect (?angelegt=1, ?geloescht=1). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="admin-notice" role="status">
      {children}
    </p>
  );
}
