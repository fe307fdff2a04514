// Word lists for German and English news text. Everything language-specific lives here so the
// rules in the other modules stay general: adding a speech verb or a role noun is a one-line
// change, never a new special case.
//
// All keys are lower case. Lists are sets/maps for O(1) lookup: the extractor must stay linear.

export type Gender = "m" | "f" | "n" | "u";

// ---------------------------------------------------------------------------------------------
// Speech verbs
// ---------------------------------------------------------------------------------------------

/**
 * A finite or participle form of a verb that introduces reported words. `particles` lists the
 * separated particle a German separable verb needs at the end of the clause ("wies ... zurück");
 * `notParticles` lists particles that turn the verb into something else ("sagte ... ab" is to
 * cancel, not to say). `cognition` marks verbs of opinion (glauben, sehen, think): they attribute
 * a view and carry indirect speech, but never a direct quote on their own.
 */
export interface SpeechVerb {
  lemma: string;
  particles?: string[];
  notParticles?: string[];
  cognition?: boolean;
}

const SPEECH_DE = new Map<string, SpeechVerb>();
const SPEECH_EN = new Map<string, SpeechVerb>();

function addForms(map: Map<string, SpeechVerb>, forms: string[], verb: SpeechVerb) {
  for (const f of forms) if (!map.has(f)) map.set(f, verb);
}

/** Regular (weak) German verb from its stem: sag → sagt, sagte, sagten, sagen, sage, gesagt. */
function weakDe(stem: string, opts: { ge?: boolean; et?: boolean } = {}): string[] {
  const t = opts.et ? "et" : "t"; // antwort-et-e
  const forms = [stem + t, stem + t + "e", stem + t + "en", stem + "en", stem + "e", stem + t + "est"];
  if (stem.endsWith("el") || stem.endsWith("er")) forms.push(stem + "n"); // twittern, erläutern
  forms.push((opts.ge === false ? "" : "ge") + stem + t);
  return forms;
}

// Weak verbs with ge- participle.
for (const stem of ["sag", "mein", "mahn", "warn", "forder", "klag", "frag", "twitter", "lob", "hoff", "glaub", "droh", "schätz", "rat", "urteil", "spott", "jubel", "poltr", "wüt", "äußer", "schilder", "fürcht", "dräng", "konter", "leugn"]) {
  addForms(SPEECH_DE, weakDe(stem), {
    lemma: stem + "en",
    notParticles: stem === "sag" ? ["ab", "zu"] : undefined,
    cognition: ["glaub", "hoff", "schätz"].includes(stem) || undefined,
  });
}
// "meine", "meinen" are far more often possessives ("auf meine Kappe") than the verb.
SPEECH_DE.delete("meine");
SPEECH_DE.delete("meinen");
addForms(SPEECH_DE, weakDe("antwort", { et: true }), { lemma: "antworten" });
addForms(SPEECH_DE, weakDe("leugn", { et: true }), { lemma: "leugnen" });
// "meldete" reports; "meldete … an" files (Insolvenz anmelden), "meldete sich … ab" signs off.
addForms(SPEECH_DE, weakDe("meld", { et: true }), { lemma: "melden", notParticles: ["an", "ab", "zurück", "um"] });
addForms(SPEECH_DE, weakDe("berichte".slice(0, -1), { ge: false, et: true }), { lemma: "berichten" });
// Weak verbs without ge- (inseparable prefix or -ieren).
for (const stem of [
  "erklär", "beton", "behaupt", "bestätig", "versicher", "erläuter", "ergänz", "entgegn", "erwider",
  "bekräftig", "beklag", "bemängel", "verkünd", "verlang", "kritisier", "kommentier", "argumentier",
  "dementier", "zitier", "insistier", "monier", "resümier", "bilanzier", "beteuer", "bemerk",
  "befürcht", "vermut", "erwart", "beschwör", "bezeichn", "präzisier", "reagier", "appellier",
  "postulier", "signalisier", "informier", "protestier", "polemisier", "warn", "beharr", "unterstell",
  "prophezei", "spekulier", "erwähn", "zweifel", "folger", "begründ", "beanstand", "verteidig", "relativier", "verweis",
  "bekund", "beschuldig", "erzähl", "bezweifel", "verlautbar", "vermeld", "ermahn", "prognostizier", "plädier",
  "rechtfertig", "vernein", "beschwer",
]) {
  const et = /[dt]$|chn$|gn$/.test(stem);
  addForms(SPEECH_DE, weakDe(stem, { ge: false, et }), { lemma: stem + "en" });
}
// Strong and irregular verbs: explicit forms.
const STRONG_DE: [string, string[], Partial<SpeechVerb>?][] = [
  ["schreiben", ["schrieb", "schrieben", "schreibt", "schreiben", "geschrieben", "schreibe"]],
  ["sprechen", ["sprach", "sprachen", "spricht", "sprechen", "gesprochen"]],
  ["rufen", ["rief", "riefen", "ruft"]],
  ["empfehlen", ["empfahl", "empfahlen", "empfiehlt", "empfohlen"]],
  ["beschreiben", ["beschrieb", "beschrieben", "beschreibt"]],
  ["verraten", ["verriet", "verrieten", "verrät"]],
  ["gestehen", ["gestand", "gestanden", "gesteht"]],
  ["verweisen", ["verwies", "verwiesen", "verweist"]],
  ["schwören", ["schwor", "schworen", "geschworen"]],
  ["unterstreichen", ["unterstrich", "unterstrichen", "unterstreicht"]],
  ["bestreiten", ["bestritt", "bestritten", "bestreitet"]],
  ["heißen", ["hieß", "heißt"]],
  ["lauten", ["lautete", "lauteten", "lautet"]],
  ["denken", ["dachte", "dachten", "denkt"], { cognition: true }],
  ["finden", ["fand", "fanden", "findet"], { cognition: true }],
  // "sieht … vor" (provides for), "sieht … aus" (looks), "sah … zu" (watched): not a view.
  ["sehen", ["sah", "sahen", "sieht"], { cognition: true, notParticles: ["vor", "aus", "zu", "nach", "fern", "ab", "fest", "ein"] }],
  // "nannte die Ergebnisse „nicht akzeptabel“": naming, which attributes a characterisation.
  ["nennen", ["nannte", "nannten", "nennt", "genannt"], { cognition: true }],
  ["halten", ["hielt", "hielten", "hält"], { cognition: true, notParticles: ["ab", "an", "fest", "stand", "durch", "auf", "ein"] }],
  ["wissen", ["weiß", "wusste", "wussten"], { cognition: true }],
  ["verlangen", ["verlangte"]],
  ["beschließen", ["beschloss", "beschlossen", "beschließt"]],
  ["versprechen", ["versprach", "versprachen", "verspricht", "versprochen"]],
  ["widersprechen", ["widersprach", "widersprachen", "widerspricht", "widersprochen"]],
  ["raten", ["riet", "rieten", "rät"]],
  ["befinden", ["befand"]],
  ["zurückweisen", ["zurückgewiesen", "zurückweisen", "zurückwies", "zurückweist", "zurückwiesen"]],
  ["hinzufügen", ["hinzugefügt", "hinzufügte", "hinzufügen", "hinzufügt"]],
  ["einräumen", ["eingeräumt", "einräumte", "einräumen", "einräumt"]],
  ["ankündigen", ["angekündigt", "ankündigte", "ankündigen", "ankündigt"]],
  ["mitteilen", ["mitgeteilt", "mitteilte", "mitteilen", "mitteilt"]],
  ["zugeben", ["zugegeben", "zugab", "zugeben", "zugibt"]],
  ["klarstellen", ["klargestellt", "klarstellte", "klarstellt"]],
  ["hervorheben", ["hervorgehoben", "hervorhob", "hervorhebt"]],
  ["feststellen", ["festgestellt", "feststellte", "feststellt"]],
  ["anmerken", ["angemerkt", "anmerkte", "anmerkt"]],
  ["hinweisen", ["hingewiesen", "hinwies", "hinweist"]],
  ["ausführen", ["ausgeführt", "ausführte"]],
  ["einwenden", ["eingewandt", "einwandte", "eingewendet"]],
  ["vorwerfen", ["vorgeworfen", "vorwarf", "vorwirft"]],
  ["bekanntgeben", ["bekanntgegeben", "bekanntgab"]],
  ["zusichern", ["zugesichert", "zusicherte"]],
  ["aussagen", ["ausgesagt"]],
  ["klarmachen", ["klargemacht"]],
  ["einschränken", ["eingeschränkt"]],
  ["anführen", ["angeführt"]],
  ["abstreiten", ["abgestritten"]],
  ["nahelegen", ["nahegelegt"]],
  ["aufrufen", ["aufgerufen"]],
  ["auffordern", ["aufgefordert"]],
  ["vorschlagen", ["vorgeschlagen"]],
  ["aussprechen", ["ausgesprochen"]],
  ["andeuten", ["angedeutet"]],
  ["ausgehen", ["ausgegangen"]],
  // "Es wird angenommen, dass …": an assumption, like "ausgehen".
  ["annehmen", ["angenommen"], { cognition: true }],
  ["entscheiden", ["entschied", "entschieden", "entscheidet"]],
  ["erinnern", ["erinnerte", "erinnerten", "erinnert"]],
  ["bedauern", ["bedauerte", "bedauerten", "bedauert"]],
  ["befürworten", ["befürwortete", "befürworteten", "befürwortet"]],
  // "Die Forscher errechneten, dass …": a computed figure reported as the source's finding.
  ["errechnen", ["errechnete", "errechneten", "errechnet", "ausgerechnet", "berechnet", "berechnete"]],
  ["anprangern", ["angeprangert", "anprangerte", "anprangerten", "anprangert"]],
];
for (const [lemma, forms, extra] of STRONG_DE) addForms(SPEECH_DE, forms, { lemma, ...extra });

// German separable verbs: the finite form in a main clause, with the particle at the clause end.
const SEPARABLE_DE: [string, string[], string[]][] = [
  ["zurückweisen/hinweisen", ["wies", "wiesen", "weist", "weisen"], ["zurück", "hin"]],
  ["hinzufügen", ["fügte", "fügten", "fügt"], ["hinzu", "an"]],
  ["einräumen", ["räumte", "räumten", "räumt"], ["ein"]],
  ["ankündigen", ["kündigte", "kündigten", "kündigt"], ["an"]],
  ["mitteilen", ["teilte", "teilten", "teilt"], ["mit"]],
  ["zugeben/bekanntgeben/angeben", ["gab", "gaben", "gibt", "geben"], ["zu", "bekannt", "an", "zurück"]],
  ["klarstellen/feststellen", ["stellte", "stellten", "stellt"], ["klar", "fest"]],
  ["hervorheben", ["hob", "hoben", "hebt"], ["hervor"]],
  ["anmerken", ["merkte", "merkten", "merkt"], ["an"]],
  ["ausführen", ["führte", "führten", "führt"], ["aus"]],
  ["einwenden", ["wandte", "wandten", "wendet"], ["ein"]],
  ["vorwerfen", ["warf", "warfen", "wirft"], ["vor"]],
  ["aufrufen", ["rief", "riefen", "ruft"], ["auf", "zu"]],
  ["klarmachen/deutlichmachen", ["machte", "machten", "macht"], ["klar", "deutlich"]],
  ["einschränken", ["schränkte", "schränkten", "schränkt"], ["ein"]],
  ["darstellen", ["stellte", "stellten", "stellt"], ["dar"]],
  ["anführen/anregen", ["führte", "führten", "regte", "regten", "regt"], ["an"]],
  ["abstreiten", ["stritt", "stritten", "streitet"], ["ab"]],
  ["nahelegen", ["legte", "legten", "legt"], ["nahe"]],
  ["aussagen", ["sagte", "sagten", "sagt"], ["aus"]],
  ["auffordern", ["forderte", "forderten", "fordert"], ["auf"]],
  ["vorschlagen", ["schlug", "schlugen", "schlägt"], ["vor"]],
  ["aussprechen", ["sprach", "sprachen", "spricht"], ["aus"]],
  ["andeuten", ["deutete", "deuteten", "deutet"], ["an"]],
  ["zusichern", ["sicherte", "sicherten", "sichert"], ["zu"]],
  ["anprangern", ["prangerte", "prangerten", "prangert"], ["an"]],
  ["entgegenhalten", ["hielt", "hielten", "hält"], ["entgegen"]],
  ["zurückweisen", ["wies"], ["zurück"]],
  // "Die Polizei geht davon aus, dass …": an assumption reported like a view.
  ["ausgehen", ["geht", "ging", "gehen", "gingen"], ["aus"]],
];

/** Separable verbs with the particle joined ("ausgeht", "angaben"): verbs only when written in lower case. */
export const JOINED_DE = new Set<string>();

/** Finite forms that are a speech verb only with one of the given particles. */
export const SEPARABLE_FINITE_DE = new Map<string, SpeechVerb>();
for (const [lemma, forms, particles] of SEPARABLE_DE) {
  for (const f of forms) {
    const prev = SEPARABLE_FINITE_DE.get(f);
    SEPARABLE_FINITE_DE.set(f, { lemma, particles: [...new Set([...(prev?.particles ?? []), ...particles])] });
    // In a subordinate clause the particle is joined to the verb at the end: "…, der davon
    // ausgeht, dass", "wie die Polizei mitteilte".
    // Only in lower case: "Angaben" is a noun, "angaben" a verb.
    for (const p of particles) {
      if (!SPEECH_DE.has(p + f)) JOINED_DE.add(p + f);
      addForms(SPEECH_DE, [p + f], { lemma });
    }
  }
}

/** English verbs: base, -s, -ed/past, -ing. */
function weakEn(base: string, past?: string, third?: string): string[] {
  const p = past ?? (base.endsWith("e") ? base + "d" : base + "ed");
  const s = third ?? (/(s|sh|ch|x)$/.test(base) ? base + "es" : base + "s");
  return [base, s, p];
}
for (const [base, past, third] of [
  ["say", "said", "says"], ["tell", "told"], ["add"], ["argue"], ["explain"], ["state"], ["note"],
  ["claim"], ["insist"], ["warn"], ["stress"], ["announce"], ["declare"], ["ask"], ["reply", "replied", "replies"],
  ["answer"], ["write", "wrote"], ["tweet"], ["admit", "admitted"], ["acknowledge"], ["deny", "denied", "denies"],
  ["suggest"], ["maintain"], ["confirm"], ["emphasize"], ["emphasise"], ["continue"], ["recall"], ["urge"],
  ["predict"], ["promise"], ["comment"], ["remark"], ["observe"], ["concede"], ["counter"], ["respond"],
  ["reiterate"], ["complain"], ["criticize"], ["criticise"], ["report"], ["contend"], ["assert"], ["allege"],
  ["mention"], ["conclude"], ["testify", "testified", "testifies"], ["vow"], ["pledge"], ["joke"], ["quip", "quipped"],
  ["shout"], ["tell", "told"], ["caution"], ["charge"], ["boast"], ["lament"], ["recount"], ["protest"],
  ["underline"], ["underscore"], ["affirm"], ["reaffirm"], ["point"], ["retort"], ["explain"], ["agree"],
  ["describe"], ["dismiss"], ["reject"], ["object"], ["predict"], ["estimate"], ["indicate"], ["signal"],
  ["disclose"], ["reveal"], ["assure"], ["reassure"], ["inform"], ["demand"], ["propose"], ["recommend"],
  ["speak", "spoke"], ["post"], ["reason"],
  ["chant"], ["yell"], ["scream"], ["exclaim"], ["whisper"], ["plead"], ["highlight"], ["clarify", "clarified", "clarifies"],
  ["specify", "specified", "specifies"], ["hint"], ["remind"], ["speculate"], ["rule"],
  // Verbs that judge in someone's words: "denounced the claims as a "national embarrassment"".
  // (Not the naming verbs "branded", "dubbed", "labelled": "a product branded "Kell Fresh"" names.)
  ["denounce"], ["condemn"], ["decry", "decried", "decries"], ["slam", "slammed"], ["blast"], ["hail"],
] as [string, string?, string?][]) {
  addForms(SPEECH_EN, weakEn(base, past, third), { lemma: base, particles: base === "point" ? ["out"] : undefined });
}
for (const [base, past, third] of [["believe"], ["think", "thought"], ["feel", "felt"], ["know", "knew"], ["expect"], ["fear"], ["hope"], ["doubt"], ["call"]] as [string, string?, string?][]) {
  addForms(SPEECH_EN, weakEn(base, past, third), { lemma: base, cognition: true });
}
// "point" and "speak"/"post" are too general alone; "point" needs "out", the others need a quote.
SPEECH_EN.set("pointed", { lemma: "point", particles: ["out"] });
SPEECH_EN.set("points", { lemma: "point", particles: ["out"] });
SPEECH_EN.delete("point");
SPEECH_EN.delete("post");
SPEECH_EN.delete("posts");
// Base forms double as nouns and imperatives ("the state", "report", "note"): only the
// inflected forms (and the frequent unambiguous bases) count in English.
SPEECH_EN.set("calling", { lemma: "call", cognition: true });
// Participles that report: "released a statement saying …", "she said, noting …", "agreeing …".
for (const [ing, lemma] of [
  ["saying", "say"], ["adding", "add"], ["noting", "note"], ["stating", "state"], ["claiming", "claim"], ["arguing", "argue"],
  ["warning", "warn"], ["insisting", "insist"], ["explaining", "explain"], ["telling", "tell"], ["announcing", "announce"],
  ["confirming", "confirm"], ["reporting", "report"], ["stressing", "stress"], ["acknowledging", "acknowledge"],
  ["admitting", "admit"], ["suggesting", "suggest"], ["agreeing", "agree"], ["declaring", "declare"], ["alleging", "allege"],
  ["asserting", "assert"], ["emphasizing", "emphasize"], ["emphasising", "emphasise"], ["predicting", "predict"],
  ["promising", "promise"], ["revealing", "reveal"], ["describing", "describe"], ["remarking", "remark"], ["observing", "observe"],
  ["ruling", "rule"], ["reasoning", "reason"], ["concluding", "conclude"],
] as [string, string][]) SPEECH_EN.set(ing, { lemma });
for (const base of ["slam", "blast", "blasts", "hail", "hails", "chant", "rule", "rules", "highlight", "highlights", "hint", "hints", "yell", "scream", "whisper", "plead", "call", "state", "note", "report", "answer", "comment", "remark", "counter", "charge", "object", "signal", "estimate", "protest", "demand", "post", "hope", "fear", "doubt", "claim", "reply", "promise", "pledge", "vow", "joke", "reason"]) SPEECH_EN.delete(base);

/**
 * Base forms that are nouns on their own ("the report", "a note") but verbs after a plural
 * subject ("scientists report …", "they reason …", "researchers note …"): markSpeechVerbs checks
 * the subject.
 */
export const BASE_AFTER_PLURAL_EN = new Map<string, string>(
  ["report", "note", "state", "claim", "reason", "estimate", "say", "argue", "warn", "suggest", "conclude", "believe", "explain", "insist", "maintain", "write", "predict", "fear", "hope", "add", "agree"].map((b) => [b, b]),
);

export function speechVerb(lang: "de" | "en", low: string): SpeechVerb | undefined {
  return lang === "de" ? SPEECH_DE.get(low) : SPEECH_EN.get(low);
}

/** Separable-verb particles in German that can close a clause ("wies ... zurück"). */
export const DE_PARTICLES = new Set(["zurück", "hinzu", "ein", "an", "mit", "zu", "bekannt", "klar", "fest", "hervor", "aus", "vor", "auf", "ab", "hin", "entgegen", "durch", "stand"]);

/** Nouns of communication that front an attribution: "nach Angaben von", "hieß es in der Erklärung". */
export const REPORT_NOUNS_DE = new Set(["angaben", "erklärung", "mitteilung", "bericht", "berichten", "meldung", "meldungen", "informationen", "aussage", "aussagen", "auffassung", "ansicht", "einschätzung", "darstellung", "worten", "überzeugung", "schätzungen", "schätzung", "sicht"]);

// ---------------------------------------------------------------------------------------------
// Mood: German Konjunktiv I/II forms that mark reported speech
// ---------------------------------------------------------------------------------------------

/** Konjunktiv I, 3rd person: unambiguous outside the first person (ich habe, ich werde). */
export const KONJ1 = new Set<string>([
  "sei", "seien", "seiest", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "wisse",
  "gebe", "gehe", "komme", "stehe", "liege", "bleibe", "sehe", "halte", "lasse", "brauche", "mache",
  "trage", "finde", "gelte", "fehle", "spiele", "führe", "zeige", "lebe", "arbeite", "plane", "bedeute",
  "hänge", "handle", "betrage", "steige", "sinke", "wachse", "falle", "drohe", "erwarte", "verlange",
  "beginne", "ende", "laufe", "nehme", "heiße", "denke", "glaube", "wisse", "kenne", "nenne", "bringe",
  "treffe", "stimme", "passe", "reiche", "diene", "fordere", "unterstütze", "lehne", "setze", "stelle",
  "suche", "versuche", "bekomme", "erhalte", "verliere", "gewinne", "liefere", "plane", "prüfe", "strebe",
  "wünsche", "befinde", "entspreche", "widerspreche", "verstoße", "gefährde", "schade", "helfe", "zahle",
  "koste", "kosten", "erreiche", "vertrete", "verfolge", "sorge", "bestehe", "gehöre", "entstehe",
]);

/** Konjunktiv II: reported speech only together with an attribution (else it is hypothetical). */
export const KONJ2 = new Set<string>([
  "hätte", "hätten", "wäre", "wären", "würde", "würden", "könnte", "könnten", "müsste", "müssten",
  "dürfte", "dürften", "gäbe", "käme", "kämen", "ginge", "stünde", "stände", "läge", "ließe", "bliebe",
  "wüsste", "hätten", "sollten",
]);

/** Auxiliaries whose Konjunktiv together with a participle reports a past event ("habe ... verloren"). */
export const KONJ_PERFECT_AUX = new Set(["habe", "hätte", "hätten", "sei", "seien", "wäre", "wären"]);

// ---------------------------------------------------------------------------------------------
// People: pronouns, roles, honorifics, first names
// ---------------------------------------------------------------------------------------------

export const SUBJECT_PRONOUNS: Record<"de" | "en", Map<string, Gender>> = {
  de: new Map([["er", "m"], ["sie", "f"]]),
  en: new Map([["he", "m"], ["she", "f"]]),
};

/** First-person pronouns: inside a quote, they name its speaker. */
export const FIRST_PERSON = new Set(["ich", "i"]);

/**
 * Heads of German role nouns, matched as the end of a (compound) noun: "Kremlsprecher",
 * "US-Präsident", "Bundesaußenministerin". The female form adds -in.
 */
const ROLE_HEADS_DE = [
  "präsident", "kanzler", "minister", "sprecher", "chef", "führer", "sekretär", "botschafter", "direktor",
  "leiter", "gouverneur", "senator", "bürgermeister", "kommissar", "general", "richter", "experte",
  "analyst", "ökonom", "forscher", "wissenschaftler", "professor", "trainer", "manager", "unternehmer",
  "könig", "premier", "papst", "kandidat", "politiker", "diplomat", "berater", "staatschef",
  "regierungschef", "premierminister", "oberhaupt", "bischof", "kardinal", "prinz", "herzog", "kaiser",
  "diktator", "machthaber", "vertreter", "gründer", "geschäftsführer", "aktivist", "ermittler",
  "staatsanwalt", "verteidiger", "offizier", "kommandeur", "befehlshaber", "admiral", "journalist",
  "reporter", "autor", "historiker", "virologe", "epidemiologe", "mediziner", "zeuge", "vorsteher",
  "abgeordnete", "vorsitzende", "beauftragte", "anwalt", "arzt", "pressesprecher", "landrat", "stadtrat",
  "chefökonom", "fraktionschef", "parteichef", "sprecher", "oppositionsführer", "spitzenkandidat",
  "unterhändler", "gesandte", "delegierte", "funktionär", "ökonom", "soziologe", "politologe", "jurist",
  "polizeisprecher", "polizeichef", "bankchef", "konzernchef", "vorstandschef", "emir", "scheich",
  "monarch", "königin", "regent", "staatsoberhaupt", "generalstaatsanwalt", "ombudsmann",
];
const ROLE_FEMALE_IRREGULAR_DE = new Map([
  ["anwältin", "anwalt"], ["ärztin", "arzt"], ["expertin", "experte"], ["virologin", "virologe"],
  ["epidemiologin", "epidemiologe"], ["zeugin", "zeuge"], ["soziologin", "soziologe"], ["politologin", "politologe"],
  ["königin", "könig"], ["herzogin", "herzog"], ["kaiserin", "kaiser"], ["prinzessin", "prinz"],
  ["päpstin", "papst"], ["staatsanwältin", "staatsanwalt"],
]);

export interface RoleInfo {
  /** The role's head noun in its base form ("präsident"), for binding a role to a person. */
  head: string;
  gender: Gender;
  /** True for forms that are only plural ("Präsidentinnen"). Ambiguous forms are false. */
  plural: boolean;
}

const roleCache = new Map<string, RoleInfo | null>();

/** A German role noun: compounds are matched by their head ("Kremlsprecher" → sprecher). */
export function roleDe(low: string): RoleInfo | null {
  const cached = roleCache.get(low);
  if (cached !== undefined) return cached;
  let out: RoleInfo | null = null;
  const bare = low.includes("-") ? low.slice(low.lastIndexOf("-") + 1) : low;
  for (const [fem, head] of ROLE_FEMALE_IRREGULAR_DE) {
    if (bare.endsWith(fem)) { out = { head, gender: "f", plural: false }; break; }
    if (bare.endsWith(fem + "nen")) { out = { head, gender: "f", plural: true }; break; }
  }
  if (!out) {
    for (const head of ROLE_HEADS_DE) {
      const i = bare.lastIndexOf(head);
      if (i < 0) continue;
      const rest = bare.slice(i + head.length);
      // Adjectival nouns ("die/der Vorsitzende") show their gender only in the article.
      if (head.endsWith("e") && (rest === "" || rest === "n")) out = { head, gender: "u", plural: false };
      else if (rest === "" || rest === "s" || rest === "en" || rest === "n" || rest === "r" || rest === "e" || rest === "es" || rest === "em") {
        out = { head, gender: "m", plural: false };
      } else if (rest === "in") out = { head, gender: "f", plural: false };
      else if (rest === "innen") out = { head, gender: "f", plural: true };
      if (out) break;
    }
  }
  if (roleCache.size < 20000) roleCache.set(low, out);
  return out;
}

const ROLES_EN = new Map<string, Gender>([
  ["president", "u"], ["vice-president", "u"], ["minister", "u"], ["secretary", "u"], ["spokesman", "m"],
  ["spokeswoman", "f"], ["spokesperson", "u"], ["chancellor", "u"], ["senator", "u"], ["governor", "u"],
  ["mayor", "u"], ["ceo", "u"], ["chairman", "m"], ["chairwoman", "f"], ["chair", "u"], ["director", "u"],
  ["leader", "u"], ["ambassador", "u"], ["general", "u"], ["judge", "u"], ["lawyer", "u"], ["attorney", "u"],
  ["official", "u"], ["analyst", "u"], ["economist", "u"], ["professor", "u"], ["representative", "u"],
  ["congressman", "m"], ["congresswoman", "f"], ["lawmaker", "u"], ["commissioner", "u"], ["chief", "u"],
  ["adviser", "u"], ["advisor", "u"], ["candidate", "u"], ["king", "m"], ["queen", "f"], ["pope", "m"],
  ["prince", "m"], ["princess", "f"], ["premier", "u"], ["diplomat", "u"], ["envoy", "u"], ["researcher", "u"],
  ["scientist", "u"], ["expert", "u"], ["founder", "u"], ["executive", "u"], ["manager", "u"], ["coach", "u"],
  ["prosecutor", "u"], ["officer", "u"], ["commander", "u"], ["negotiator", "u"], ["strategist", "u"],
  ["historian", "u"], ["author", "u"], ["activist", "u"], ["economist", "u"], ["epidemiologist", "u"],
  ["virologist", "u"], ["doctor", "u"], ["physician", "u"], ["witness", "u"], ["councillor", "u"],
  ["councilman", "m"], ["councilwoman", "f"], ["businessman", "m"], ["businesswoman", "f"], ["head", "u"],
  ["chairperson", "u"], ["premier", "u"], ["sheriff", "u"], ["investigator", "u"], ["inspector", "u"],
  ["sen", "u"], ["rep", "u"], ["gov", "u"], ["gen", "u"], ["secretary-general", "u"], ["president-elect", "u"],
  ["spokespeople", "u"], ["officials", "u"], ["ministers", "u"], ["leaders", "u"], ["presidents", "u"],
  // Titles news puts before a name ("tag team partner Erick Rowan", "Broadcaster Piers Morgan").
  ["organizer", "u"], ["organiser", "u"], ["partner", "u"], ["broadcaster", "u"], ["legislator", "u"], ["challenger", "u"],
  ["co-author", "u"], ["co-developer", "u"], ["journalist", "u"], ["editor", "u"], ["reporter", "u"], ["columnist", "u"],
  ["commentator", "u"], ["correspondent", "u"], ["delegate", "u"], ["deputy", "u"], ["campaigner", "u"], ["biologist", "u"],
  ["criminologist", "u"], ["engineer", "u"], ["performer", "u"], ["writer", "u"], ["presenter", "u"], ["captain", "u"],
  // Courts and houses: "Chief Justice John G. Roberts", "Justice Stevens", "House Speaker Ana Ruiz".
  ["justice", "u"], ["speaker", "u"],
  // Occupations news puts before a name ("filmmaker Alexander Klimov", "pilot Ana Ruiz", "striker Lena Voss").
  ["striker", "u"], ["goalkeeper", "u"], ["midfielder", "u"], ["defender", "u"], ["quarterback", "u"], ["jockey", "u"],
  ["cyclist", "u"], ["swimmer", "u"], ["sprinter", "u"], ["skier", "u"], ["boxer", "u"], ["golfer", "u"], ["runner", "u"],
  ["athlete", "u"], ["actress", "f"], ["actor", "u"], ["singer", "u"], ["rapper", "u"], ["musician", "u"], ["novelist", "u"],
  ["poet", "u"], ["filmmaker", "u"], ["producer", "u"], ["artist", "u"], ["photographer", "u"], ["astronomer", "u"],
  ["physicist", "u"], ["nurse", "u"], ["surgeon", "u"], ["pilot", "u"], ["detective", "u"], ["firefighter", "u"],
  ["paramedic", "u"], ["teacher", "u"], ["pastor", "u"], ["priest", "m"], ["bishop", "u"], ["imam", "m"], ["rabbi", "u"],
  ["entrepreneur", "u"], ["councilor", "u"], ["colonel", "u"], ["lieutenant", "u"], ["admiral", "u"], ["cardinal", "m"],
  ["sergeant", "u"],
]);
const PLURAL_ROLES_EN = new Set(["spokespeople", "officials", "ministers", "leaders", "presidents"]);

/** The role infos of English role nouns, made once (roleEn is asked for every capitalized word). */
const ROLE_INFO_EN = new Map<string, RoleInfo>();
for (const [low, g] of ROLES_EN) ROLE_INFO_EN.set(low, { head: low.replace(/s$/, ""), gender: g, plural: PLURAL_ROLES_EN.has(low) });

export function roleEn(low: string): RoleInfo | null {
  return ROLE_INFO_EN.get(low) ?? null;
}

export function roleOf(lang: "de" | "en", low: string): RoleInfo | null {
  return lang === "de" ? roleDe(low) : roleEn(low);
}

/** Titles before a name; gender where the title tells it. */
export const HONORIFICS = new Map<string, Gender>([
  ["herr", "m"], ["frau", "f"], ["dr", "u"], ["prof", "u"], ["mr", "m"], ["mrs", "f"], ["ms", "f"], ["miss", "f"],
  ["sir", "m"], ["lord", "m"], ["lady", "f"], ["dame", "f"], ["madam", "f"], ["monsieur", "m"], ["madame", "f"],
  ["sen", "u"], ["rep", "u"], ["gov", "u"], ["gen", "u"], ["col", "u"], ["lt", "u"], ["capt", "u"], ["sgt", "u"],
  ["rev", "u"], ["mx", "u"],
]);

/** Nouns for institutions and documents that speak: "das Ministerium teilte mit", "the statement said". */
export const ORG_NOUNS = new Set([
  // de
  "erklärung", "papier", "mitteilung", "bericht", "regierung", "ministerium", "behörde", "polizei", "kreml",
  "agentur", "nachrichtenagentur", "zeitung", "sender", "partei", "kommission", "rat", "gericht", "verband",
  "unternehmen", "konzern", "firma", "armee", "militär", "staatsanwaltschaft", "verwaltung", "stadt",
  "außenministerium", "verteidigungsministerium", "innenministerium", "bundesregierung", "stellungnahme",
  "studie", "gutachten", "umfrage", "statistik", "institut", "amt", "bundesamt", "weiße", "pressemitteilung",
  "resolution", "abschlusserklärung", "gewerkschaft", "vereinigung", "organisation", "seite", "us-seite",
  // en
  "statement", "report", "government", "ministry", "department", "agency", "police", "company", "court",
  "party", "commission", "council", "administration", "army", "military", "spokesperson's", "study", "survey",
  "paper", "newspaper", "union", "office", "firm", "group", "campaign", "embassy", "white", "pentagon", "kremlin",
  "declaration", "communique", "communiqué", "institute", "bureau", "authority", "authorities", "bank", "service", "network", "center", "centre", "union", "court", "council",
]);

/** Words that end an organisation's name: "Interfax", "Federal Reserve Bank". */
export const ORG_SUFFIXES = new Set([
  "ministerium", "ministry", "department", "agency", "agentur", "bank", "party", "partei", "council", "rat",
  "commission", "kommission", "union", "institute", "institut", "university", "universität", "inc", "corp",
  "ltd", "gmbh", "ag", "group", "gruppe", "association", "verband", "office", "amt", "court", "gericht",
  "house", "haus", "times", "post", "news", "press", "foundation", "stiftung", "reuters", "afp", "dpa", "ap",
  "interfax", "tass", "bloomberg", "organization", "organisation", "nations", "fund", "fonds",
]);

// Common given names (German, English, international as written in German and English news).
// Gender from the name is only a hint for pronoun resolution.
const FIRST_NAMES_M = `donald wladimir vladimir dmitri dmitry dmitrij sergej sergey sergei rex barack joe joseph olaf
friedrich frank walter helmut gerhard konrad willy christian markus robert karl heinz hans peter michael thomas
andreas stefan stephan martin jens boris emmanuel nicolas francois françois jacques recep tayyip baschar bashar
xi li wolodymyr volodymyr wolodimir alexei alexej alexey alexander aleksandr mikhail michail jewgeni yevgeny
viktor victor benjamin mohammed mohamed muhammad ali ahmed hassan hussein abdel abdullah salman kim jong narendra
justin jair luiz inacio inácio lula pedro antonio antónio mario matteo giuseppe silvio giorgia pope jean claude
pierre paul john james william george richard charles david mark mike steven steve kevin brian jeffrey jeff elon
bill tim tony rishi keir nigel liz theresa gordon ron marco ted mitch chuck bernie pete lindsey rand kevin hakeem
jerome janet ben larry lars ola jonas sebastian alexander alex philipp philip christoph christopher tobias
matthias hubertus cem armin norbert horst wolfgang guido sigmar heiko annalena ursula karl-theodor
jürgen juergen hubert rainer dieter klaus uwe volker günter guenter gunter werner erich ernst otto rudolf
ludwig lothar manfred reinhard bernd ralf rolf georg jörg joerg kai kurt till tom nils felix lukas leon
paul maximilian max moritz niklas daniel jan simon julian fabian florian dominik patrick marcel sven dirk
carsten torsten thorsten timo olli ole ivan igor oleg yuri juri anatoli nikolai nikolaj valery waleri
gennadi pavel pawel ramsan ramzan dschochar aljaksandr alexander lukaschenko andrzej donald mateusz jarosław
jaroslaw viktor péter peter mark-rutte mark jens antony anthony lloyd jake marco pete kash vance jd j.d.
hamid abu yahya ismail ibrahim khalid omar osama yousef yusuf recep erdogan ayatollah ali-khamenei hassan
ebrahim masoud benjamin naftali yair isaac yitzhak ehud ariel shimon mahmoud yasser ismail
shinzo fumio yoshihide shigeru kishida moon yoon suk-yeol jae-in xi jinping hu jintao wen jiabao
narendra rahul imran nawaz shehbaz cyril jacob nelson thabo paul-henri charles-michel alain manuel jose josé
carlos juan luis miguel javier gustavo andrés andres nicolás nicolas hugo evo rafael alberto mauricio sebastián
ahmet mevlüt mevlut hulusi binali kemal abdullah`;
const FIRST_NAMES_F = `angela annalena ursula hillary kamala nancy theresa liz elizabeth margaret marine ségolène
segolene christine giorgia sanna mette jacinda julia sahra alice katrin claudia manuela franziska svenja
andrea nancy lisa anna maria marie sophie sofia laura lena julia sarah sara emma hannah hanna lea leonie
katharina christina kristina kristalina sabine susanne petra monika birgit gabriele heike karin renate ulla
ulrike ute barbara doris elke gisela helga ingrid jutta marion silke simone tanja nicole melanie jessica
jennifer amy michelle melania ivanka hope kellyanne sarah-huckabee karine kayleigh elise marjorie alexandria
ilhan rashida nikki tulsi kristi kristen pam janet gina condoleezza madeleine samantha susan linda mary
patricia barbara karen nina natalia natalja julija yulia julia tatjana tatiana swetlana svetlana irina olga
maria-zacharowa marija maria jelena elena jekaterina ekaterina valentina ljudmila ludmila tsai ing-wen
indira benazir aung san suu kyi golda tzipi ayelet yulia viktoria victoria ursula-von sigrid herta heidi
bärbel baerbel aydan serap sevim dilek derya nadia nadja fatima aisha leyla layla mariam miriam rania
ngozi kristalina christine-lagarde`;
// More common given names of news (English-speaking, European, Slavic, Arabic, Turkish, Persian,
// South and East Asian, African, Latin American), from general knowledge; left out are names that are
// also ordinary words in German or English (Rose, Hope, Will, Grace, Bill is kept above).
const MORE_NAMES_M = `aaron adam adrian ahmad akira alan albert aleksander aleksandar aleksei alfred amir andrew andrei
andriy angus anil antoine anton armando arnold arthur arturo ashraf ashok barry bartosz bashir bernard
bogdan boris bruce bruno caleb cameron carl cesar césar chris christophe clarence clement craig curtis
cyrus dan danny darren dave dennis derek diego dimitri dmytro domenico donald douglas duncan dusan
eduardo edward eric erik ernesto ethan eugene evgeny fabio fahad faisal farid fernando filip francesco
francisco franz fred frederick gabriel gareth gary gavin geoffrey gerald gilbert giovanni glenn graham
greg gregory guillaume gunnar hamza harold harry hector henri henry herbert hiroshi howard hugh
ian ilya imran irakli ivo jack jacques jaime jakub jamal jason jean-claude jean-luc jean-marc jean-pierre
jeremy jesus jesús jim jimmy joaquin joaquín joel jonathan jordi jorge josef joshua juan-carlos jussi
kamal karim keith ken kenneth kenji khaled kofi krzysztof kwame leonardo leonid liam lorenzo louis
luca lucas luigi luis-felipe malcolm marcelo marcin marcus marek mariano martín matt matthew maurice
mehmet mikael miroslav mohammad muhammadu mustafa nathan neil nicholas nick nicola nikola nikolaos
noah oliver olivier oscar óscar pablo pascal patrice pedro-sanchez petr petro piotr rafał rafal ramón
ramon raúl raul ravi reza ricardo riccardo rick robin rodrigo roger roland ronald rory roy ryan
saad sadiq saeed salah salvador sam samuel sandro scott sean seán shahid shane shaun sipho stanislav
stuart sunil takeshi tariq taro terry thierry todd tomasz travis trevor ulrich umar vasily vincent
vitali vitaly vladislav wayne wojciech xavier yasin yoshi yusuf zbigniew zoran`;
const MORE_NAMES_F = `abigail amina mia adriana agnieszka aisha alejandra alessandra alexandra alina allison amanda amelia ana
anastasia andrea-nahles angelika anita anke anne annette antonia ashley barbara beata beatriz brenda
brigitte camila carla carmen carolina caroline catherine cecilia charlotte chloe chrystia claire cristina
dagmar daniela deborah denise diana dolores dorothy edith eleanor elena elif elisabeth ella ellen emily
emine erin esther eva evelyn fiona francesca frederike gabriela hala heather helen
helena ilona ines inés ingrid irene isabel isabella jana jane jasmine jean-marie jill joan joanna
jolanta josefine joyce judith julie justyna karolina kate katherine kathleen katie kelly
klara kristin larisa laura-maria leila lina lucia lucía luisa lydia magdalena małgorzata malgorzata
margarete margarita margot maria-elena marianne marina marta martha martina megan meryl michaela 
monica natasha nathalie natalie nora oksana patricia paula pauline priya rachel rebecca rita
roberta ruth sabrina sally sandra sharon shirley silvia sonia sonja stephanie susana suzanne
sylvia tamara teresa tina ulrike valerie vanessa vera veronica veronika wendy yasmin yolanda yvonne zainab zeynep`;
export const FIRST_NAMES = new Map<string, Gender>();
for (const n of FIRST_NAMES_M.split(/\s+/)) if (n) FIRST_NAMES.set(n, "m");
// (A name in both lists is of either gender; one listed twice among women's names stays a woman's: Maria, Nancy, Julia.)
for (const n of FIRST_NAMES_F.split(/\s+/)) if (n) FIRST_NAMES.set(n, FIRST_NAMES.get(n) === "m" || FIRST_NAMES.get(n) === "u" ? "u" : "f");
for (const n of MORE_NAMES_M.split(/\s+/)) if (n && !FIRST_NAMES.has(n)) FIRST_NAMES.set(n, "m");
for (const n of MORE_NAMES_F.split(/\s+/)) if (n && !FIRST_NAMES.has(n)) FIRST_NAMES.set(n, "f");

/** Lower-case particles inside a name: "Baschar al-Assad", "Ursula von der Leyen". */
export const NAME_PARTICLES = new Set(["von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "du", "le", "la", "bin", "ibn", "al", "el", "zu", "ter", "ten", "y"]);

// ---------------------------------------------------------------------------------------------
// Stop lists: capitalized words that are not names
// ---------------------------------------------------------------------------------------------

/** Capitalized function words and frequent sentence starters (never a person by themselves). */
export const CAP_STOP = new Set(
  `der die das dem den des ein eine einer einem einen eines er sie es wir ich ihr man auch doch aber dann
dazu zudem allerdings beim im am vor nach mit in auf für bei zum zur von vom wie als wenn dass ob nun jetzt
heute gestern morgen diese dieser dieses diesem diesen jede jeder jedes alle so noch schon nur und oder
sondern denn weil da dort hier hierzu damit dabei daher deshalb trotzdem außerdem zwar bereits inzwischen
mittlerweile seit bis gegen ohne unter über neben zwischen durch um laut zufolge nach kein keine keiner
sein seine ihre ihr unser unsere was wer wo warum wieso weshalb welche welcher welches ja nein nicht
the a an this that these those he she it they we i you his her its their our my your in on at by for with
from to of as but and or if when while after before since because although though yet so then there here
however meanwhile also still even just only not no yes mr mrs ms dr what who where why how which whose
according many some most more several both each every all another other such one two three first last
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
januar februar märz april mai juni juli august september oktober november dezember
ausdrücklich positiv negativ dennoch ebenfalls gleichzeitig zugleich später früher zuvor danach anschließend
insgesamt vielmehr stattdessen immerhin jedenfalls offenbar offensichtlich angeblich tatsächlich wirklich
ende anfang mitte herr frau hinweise`.split(/\s+/),
);

export const MONTHS = new Map<string, number>([
  ["januar", 1], ["jänner", 1], ["februar", 2], ["märz", 3], ["april", 4], ["mai", 5], ["juni", 6], ["juli", 7],
  ["august", 8], ["september", 9], ["oktober", 10], ["november", 11], ["dezember", 12],
  ["january", 1], ["february", 2], ["march", 3], ["may", 5], ["june", 6], ["july", 7], ["october", 10], ["december", 12],
  ["jan", 1], ["feb", 2], ["apr", 4], ["aug", 8], ["sep", 9], ["sept", 9], ["oct", 10], ["okt", 10], ["nov", 11], ["dec", 12], ["dez", 12],
]);

/** Countries, capitals and other places that show up as bare capitalized words in news. */
export const PLACES = new Set(
  `deutschland russland ukraine usa amerika china frankreich großbritannien england italien spanien polen
syrien irak iran israel türkei japan indien nordkorea südkorea korea vietnam europa asien afrika moskau
berlin washington paris london peking beijing kiew kyiv hanoi tokio tokyo rom madrid warschau brüssel wien
bern genf hamburg münchen köln frankfurt damaskus bagdad teheran ankara istanbul jerusalem gaza
germany russia france britain uk italy spain poland syria iraq turkey japan india america europe asia africa
moscow brussels geneva vienna kiev damascus baghdad tehran beijing canada mexico brasilien brazil
australien australia österreich austria schweiz switzerland niederlande netherlands belgien belgium
schweden sweden norwegen norway dänemark denmark finnland finland griechenland greece ungarn hungary
tschechien rumänien bulgarien serbien kroatien portugal irland ireland schottland scotland wales
ägypten egypt libyen libya saudi-arabien katar qatar jemen yemen afghanistan pakistan taiwan
da nang danang apec nato eu un uno g7 g20 opec who imf iwf ezb ecb fed is isis hamas hisbollah hezbollah
taliban kreml kremlin pentagon bundestag bundesrat kongress congress senat senate westen osten norden süden`.split(/\s+/),
);

/** German noun endings: a capitalized word ending so is a common noun, not a name. */
export const NOUN_SUFFIX_DE = /(ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|ment|ments|nis|nisse|tum|ling|chen|lein|ei|eien|ik|iken|ur|uren|enz|anz|ieren|gipfel|konflikt|krieg|wahl|wahlen|prozess|prozesses|rat|recht|gesetz|land|länder|staat|staaten|stadt|haus|partei|gebiet|gebietes|frage|fragen|problem|probleme|dossier|gespräch|treffen|krise|seite)$/;

/** Capitalized sentence starters that begin a new sentence after an ordinal-like number + period. */
export const SENTENCE_STARTERS_DE = new Set(
  `der die das er sie es ich wir ihr in im am auch doch aber dann nun so zudem außerdem allerdings dabei damit
deshalb daher trotzdem jetzt heute bei nach vor mit für seit wie was wer warum als wenn ob dies diese dieser
ein eine man und danach dafür darauf deswegen später zuvor anschließend insgesamt bislang
bisher seitdem gleichzeitig zugleich ebenso ebenfalls immerhin jedoch dennoch nämlich sonst vorher hier
dort damals zwar trotz während wegen unter über aus gegen ohne um bis von zu zum zur beim vom ins`.split(/\s+/),
);

/** Abbreviations that end with a period but not the sentence. */
export const ABBREVIATIONS = new Set(
  `z b bzw u a ca nr dr prof st mio mrd abs art bd evtl ggf inkl usw vgl d h o ä v sog hr fr jh jhd mr mrs ms
jr sr vs e i gen sen rep gov lt col capt sgt inc corp ltd co no jan feb apr aug sept sep oct okt nov dec dez
tel str max min mind rd ff zit gegr geb verh dt engl frz ital russ amerik ehem stellv bspw zb ua etwa rev
mt ft vol ed eds al approx dept est fig govt jun mar nos pp sq univ bzgl gem lt nrn rd tsd`.split(/\s+/),
);

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

export const NUMBER_WORDS = new Map<string, number>([
  ["zwei", 2], ["drei", 3], ["vier", 4], ["fünf", 5], ["sechs", 6], ["sieben", 7], ["acht", 8], ["neun", 9],
  ["zehn", 10], ["elf", 11], ["zwölf", 12], ["zwanzig", 20], ["dreißig", 30], ["vierzig", 40], ["fünfzig", 50],
  ["hundert", 100], ["tausend", 1000], ["two", 2], ["three", 3], ["four", 4], ["five", 5], ["six", 6],
  ["seven", 7], ["eight", 8], ["nine", 9], ["ten", 10], ["eleven", 11], ["twelve", 12], ["twenty", 20],
  ["thirty", 30], ["forty", 40], ["fifty", 50], ["hundred", 100], ["thousand", 1000], ["dutzend", 12], ["dozen", 12],
]);

export const SCALES = new Map<string, { de: number; en: number }>([
  ["tausend", { de: 3, en: 3 }], ["thousand", { de: 3, en: 3 }], ["tsd", { de: 3, en: 3 }],
  ["million", { de: 6, en: 6 }], ["millionen", { de: 6, en: 6 }], ["mio", { de: 6, en: 6 }], ["millions", { de: 6, en: 6 }],
  ["milliarde", { de: 9, en: 9 }], ["milliarden", { de: 9, en: 9 }], ["mrd", { de: 9, en: 9 }], ["bn", { de: 9, en: 9 }],
  ["billion", { de: 12, en: 9 }], ["billionen", { de: 12, en: 12 }], ["billions", { de: 9, en: 9 }],
  ["trillion", { de: 18, en: 12 }], ["trillions", { de: 18, en: 12 }],
]);

export const UNITS = new Map<string, string>([
  ["prozent", "percent"], ["%", "percent"], ["percent", "percent"], ["pct", "percent"], ["vh", "percent"],
  ["prozentpunkte", "percentage points"], ["prozentpunkten", "percentage points"],
  ["euro", "EUR"], ["€", "EUR"], ["eur", "EUR"], ["dollar", "USD"], ["dollars", "USD"], ["$", "USD"], ["usd", "USD"],
  ["us-dollar", "USD"], ["pfund", "GBP"], ["£", "GBP"], ["gbp", "GBP"], ["pounds", "GBP"], ["franken", "CHF"],
  ["chf", "CHF"], ["yen", "JPY"], ["¥", "JPY"], ["rubel", "RUB"], ["rubles", "RUB"], ["roubles", "RUB"], ["yuan", "CNY"],
  ["menschen", "people"], ["personen", "people"], ["einwohner", "people"], ["people", "people"], ["persons", "people"],
  ["residents", "people"], ["bürger", "people"], ["einwohnern", "people"], ["menschenleben", "people"],
  ["tote", "deaths"], ["toten", "deaths"], ["todesopfer", "deaths"], ["deaths", "deaths"], ["dead", "deaths"],
  ["km", "km"], ["kilometer", "km"], ["kilometres", "km"], ["kilometers", "km"], ["miles", "miles"], ["meilen", "miles"],
  ["quadratkilometer", "km2"], ["km²", "km2"], ["km2", "km2"], ["tonnen", "t"], ["tonnes", "t"], ["tons", "t"],
  ["jahre", "years"], ["jahren", "years"], ["years", "years"], ["monate", "months"], ["monaten", "months"], ["months", "months"],
  ["tage", "days"], ["tagen", "days"], ["days", "days"], ["stunden", "hours"], ["hours", "hours"], ["grad", "degrees"],
  ["degrees", "degrees"], ["barrel", "barrels"], ["barrels", "barrels"], ["stimmen", "votes"], ["votes", "votes"],
  ["sitze", "seats"], ["seats", "seats"], ["mitglieder", "members"], ["members", "members"], ["soldaten", "soldiers"],
  ["soldiers", "soldiers"], ["troops", "soldiers"], ["jobs", "jobs"], ["arbeitsplätze", "jobs"], ["stellen", "jobs"],
]);

export const CURRENCY_SYMBOLS = new Map<string, string>([["$", "USD"], ["€", "EUR"], ["£", "GBP"], ["¥", "JPY"]]);

/** Words that make a sentence a comparison or ranking. */
export const COMPARISON_WORDS = new Set(
  `mehr weniger höher niedriger größer kleiner stärker schwächer häufiger seltener doppelt dreimal halb hälfte
drittel viertel verdoppelt verdreifacht halbiert gestiegen gesunken gewachsen zurückgegangen rekord erstmals
erste ersten erster zweite zweiten dritte platz rang spitze nummer meisten wenigsten
more less fewer higher lower larger smaller bigger greater twice double doubled tripled halved half third
quarter rose fell increased decreased grew declined record first second third ranked rank top most least
largest biggest highest lowest greatest worst best fastest oldest richest poorest strongest weakest
deadliest smallest longest youngest`.split(/\s+/),
);

/** Words of legal or factual status. */
export const STATUS_WORDS = new Set(
  `illegal legal verboten erlaubt gesetzlich gesetz gesetze verfassungswidrig rechtswidrig strafbar verurteilt
angeklagt registrieren registriert verpflichtet pflicht zugelassen genehmigt mitglied mitgliedschaft offiziell
ratifiziert unterzeichnet gewählt amtierend hauptstadt sanktionen sanktioniert eingestuft gilt gelten verbot
urteil verfassung vertrag abkommen resolution agent agenten eingemischt
illegal legal banned ban law laws unconstitutional required requires convicted charged indicted sentenced
member ratified signed elected official officially designated classified registered register treaty ruling
ruled court mandatory prohibited allowed permitted constitution sanctions sanctioned`.split(/\s+/),
);

/** English superlatives and -est words that are not superlatives. */
export const NOT_SUPERLATIVE_EN = new Set(["interest", "forest", "west", "test", "request", "protest", "suggest", "honest", "modest", "arrest", "invest", "digest", "contest", "manifest", "guest", "chest", "nest", "rest", "pest", "quest", "earnest", "harvest", "latest", "est", "unrest", "conquest", "priest", "midwest", "southwest", "northwest", "behest", "inquest", "attest", "detest"]);
