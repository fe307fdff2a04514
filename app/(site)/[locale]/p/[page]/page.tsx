// `/?page=N` (lib/paged-routes.ts): the home page's later pages.
import { noPagesAtBuildTime } from "@/i18n/page";

export { default, generateMetadata } from "../../page";
export const generateStaticParams = noPagesAtBuildTime;
