// The default verdict scale (domain.md), best first. `ratingValue` is the ClaimReview number;
// `unverifiable` has none. Admins can change labels later; this is what a new newsroom gets.
export interface VerdictLabelDefinition {
  key: string;
  nameDe: string;
  nameEn: string;
  explanationDe: string;
  explanationEn: string;
  ratingValue: number | null;
}

export const DEFAULT_VERDICT_SCALE: readonly VerdictLabelDefinition[] = [
  {
    key: "true",
    nameDe: "richtig",
    nameEn: "true",
    explanationDe: "Die Aussage ist korrekt, und es fehlt nichts Wesentliches.",
    explanationEn: "The statement is accurate and nothing significant is missing.",
    ratingValue: 6,
  },
  {
    key: "mostly-true",
    nameDe: "überwiegend richtig",
    nameEn: "mostly true",
    explanationDe: "Die Aussage ist im Kern korrekt, braucht aber eine Klarstellung oder Ergänzung.",
    explanationEn: "The statement is accurate at its core but needs clarification or additional information.",
    ratingValue: 5,
  },
  {
    key: "half-true",
    nameDe: "teils richtig",
    nameEn: "half true",
    explanationDe: "Die Aussage ist teilweise korrekt, lässt aber wichtige Details weg oder reißt Dinge aus dem Zusammenhang.",
    explanationEn: "The statement is partially accurate but leaves out important details or takes things out of context.",
    ratingValue: 4,
  },
  {
    key: "misleading",
    nameDe: "irreführend",
    nameEn: "misleading",
    explanationDe: "Die Aussage enthält korrekte Elemente, erweckt aber einen falschen Eindruck.",
    explanationEn: "The statement contains accurate elements but creates a false impression.",
    ratingValue: 3,
  },
  {
    key: "mostly-false",
    nameDe: "überwiegend falsch",
    nameEn: "mostly false",
    explanationDe: "Die Aussage enthält ein Körnchen Wahrheit, ignoriert aber entscheidende Fakten.",
    explanationEn: "The statement contains an element of truth but ignores critical facts.",
    ratingValue: 2,
  },
  {
    key: "false",
    nameDe: "falsch",
    nameEn: "false",
    explanationDe: "Die Aussage ist nicht korrekt.",
    explanationEn: "The statement is not accurate.",
    ratingValue: 1,
  },
  {
    key: "unverifiable",
    nameDe: "nicht überprüfbar",
    nameEn: "unverifiable",
    explanationDe: "Es gibt nicht genug belastbare Belege, um die Aussage zu bestätigen oder zu widerlegen.",
    explanationEn: "There is not enough reliable evidence to confirm or refute the statement.",
    ratingValue: null,
  },
];
