// `/speakers/<slug>?page=N&qpage=M` (lib/paged-routes.ts).
export { default, generateMetadata, generateStaticParams } from "../../../page";
