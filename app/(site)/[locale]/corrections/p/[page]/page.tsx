// `/corrections?page=N` (lib/paged-routes.ts).
import { noPagesAtBuildTime } from "@/i18n/page";

export { default, generateMetadata } from "../../page";
export const generateStaticParams = noPagesAtBuildTime;
