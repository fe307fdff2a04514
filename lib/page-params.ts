// The query parameters that are part of a public page's identity: pagination, and a search's
// terms and filters. The language switch and the hreflang links keep them (the same page in
// the other language) and nothing else (tracking parameters). A module of its own: the
// language switch runs in the browser, which does not need lib/i18n's strings.
export const PAGE_PARAMS: readonly string[] = ["q", "type", "verdict", "speaker", "topic", "from", "to", "page", "qpage"];
