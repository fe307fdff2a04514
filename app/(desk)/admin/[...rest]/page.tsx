// Any other path under /admin: the newsroom's not-found page (after the session check of the
// layout, so that nobody learns which newsroom paths exist).
import { notFound } from "next/navigation";

export default function UnknownDeskPage() {
  notFound();
}
