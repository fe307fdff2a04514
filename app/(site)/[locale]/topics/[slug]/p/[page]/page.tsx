// `/topics/<slug>?page=N` (lib/paged-routes.ts).
export { default, generateMetadata, generateStaticParams } from "../../page";
