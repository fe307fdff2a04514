// npm run bench:public -- [--claims 10000] [--quotes 50000] [--speakers 1000]
//                         [--duration 10] [--connections 16] [--engine postgres|embedded]
//                         [--front nginx]   (also behind nginx with deploy/nginx.conf)
//                         [--desk [--samples 20]]   (the desk pages instead: scripts/bench-desk.ts)
//                         [--scale]   (at 50k, 200k and 1M quotes, one process each, and the growth per 4× data)
//
// How fast is the public site on a newsroom of realistic size?
//   1. a throwaway database: a PostgreSQL server (Debian's postgresql package, like the
//      integration tests) or, with --engine=embedded, the embedded PostgreSQL server (as npm
//      start runs it, durable settings) on a temporary data folder;
//      migrations, bootstrap (no demo data);
//   2. a generated newsroom, written with set-based SQL (INSERT … SELECT generate_series):
//      speakers with aliases and roles, sources with stored texts, quotes, claims (most of them
//      public, with verdicts, summaries and analyses of realistic length, in German and
//      English), topics, evidence, corrections;
//   3. the production build (built first when the sources changed), run by npm start's
//      launcher (scripts/start.ts: Next.js alone, nothing in between) on a free port against
//      that database; with --front nginx also the shipped nginx recipe (deploy/nginx.conf) in
//      front of it; and a second app server on the same database;
//   4. a baseline: a static HTML file as large as a claim page, served by Node's http module;
//      and the framework's own reference: a minimal Next.js app serving one prerendered page of
//      that size (scripts/bench-minimal-next.ts);
//   5. a load generator (Node's http, keep-alive, N concurrent connections, every path once, a warm-up, then a
//      fixed duration per target) for the home page, claim pages, speaker pages, the search
//      and the baseline; requests/s, p50/p95/p99 latency, ratio to the baseline;
//   6. the data layer alone (lib/public and searchPublic called directly, one at a time);
//   7. how long a change takes to reach readers of the second app server: a claim's summary
//      changed in the database and its tag revalidated as a desk action does it (through the
//      cache handler, lib/cache/handler.mjs), then the second server polled until it shows it.
// With --desk it measures the desk instead of the public site: the same newsroom plus what the
// desk reads (accounts, assignments, the revision log, reviews, comments, articles), one app
// server, the desk pages signed in as an editor and a reviewer, one request at a time
// (scripts/bench-desk.ts); steps 4 to 7 are skipped.
// Everything it starts is stopped at the end, on Ctrl-C, on an error and after a time limit.
// Only loopback addresses are used. Nothing here asserts a time: it measures and prints.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { loadSettings } from "../lib/config";
import { createPrismaClient, type Db } from "../lib/db/client";
import { embeddedPaths, startEmbeddedDatabase } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrations";
import { buildIsCurrent, recordBuild } from "../lib/launcher/build";
import { freePort } from "../lib/launcher/free-port";
import { getPublicClaim, getPublicSpeaker, getPublicTopic, listPublicCorrections, listPublishedClaims } from "../lib/public";
import { claimListQuery, listClaims } from "../lib/editorial/claims";
import { listQuotes } from "../lib/editorial/quotes";
import { reviewQueuePage } from "../lib/editorial/review-queue";
import { listSources } from "../lib/editorial/sources";
import { freezeMissingPublications, PUBLISHED_CONTENT_FORMAT } from "../lib/editorial/publication";
import { CONTEXT_RADIUS } from "../lib/public";
import { bootstrap } from "../lib/seed/bootstrap";
import { hashPassword } from "../lib/auth/password";
import { startPostgresCluster } from "../tests/helpers/postgres-cluster";
import { describeDesk, generateDeskRecords, measureDesk, printDeskTable, settleDeskTimes } from "./bench-desk";
import { startMinimalNext } from "./bench-minimal-next";
import { NGINX_STATIC_PATH, startNginxFront, type NginxFront } from "./nginx-front";
import { cleanUp, guard, onCleanup, parseOptions, percentile, processTreeCpuMs, stopChild, stopping, type OptionValues } from "./lifecycle";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------
// Options.

const OPTIONS = {
  claims: { default: 10_000, min: 10, max: 2_000_000 },
  quotes: { default: 50_000, min: 10, max: 10_000_000 },
  speakers: { default: 1_000, min: 10, max: 1_000_000 },
  duration: { default: 10, min: 1, max: 600 },
  connections: { default: 16, min: 1, max: 512 },
  engine: { default: "postgres", choices: ["postgres", "embedded"] },
  /** Also measure through nginx with the shipped recipe. */
  front: { default: "next", choices: ["next", "nginx"] },
  /** The desk pages instead of the public site (scripts/bench-desk.ts). */
  desk: { default: false, flag: true },
  /** --desk: requests measured per page. */
  samples: { default: 20, min: 3, max: 500 },
  /** The same run at 50k, 200k and 1M quotes (claims a fifth, speakers a hundredth), and how each figure grows. */
  scale: { default: false, flag: true },
  /** Also write the figures as JSON to this file (--scale reads them). */
  report: { default: "", free: true },
} as const;

type Options = OptionValues<typeof OPTIONS>;

const WARMUP_SECONDS = 2;
/** Everything, the build included, must be done by then; then it stops what it started. */
const TIME_LIMIT_MS = 60 * 60_000;
const MINIMAL_TARGET = "minimal Next.js app, one page (the framework's reference)";
const FORBIDDEN_PORTS = (port: number) => (port >= 3000 && port <= 3100) || (port >= 3996 && port <= 3999);

// ---------------------------------------------------------------------------------------
// Small helpers.

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  if (!stopping()) console.log(`  ${label.padEnd(52)} ${seconds(performance.now() - started).padStart(8)}`);
  return result;
}

function get(port: number, urlPath: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, headers: { "accept-language": "de" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${urlPath} timed out`)));
    req.on("error", reject);
  });
}

async function waitForHttp(port: number, urlPath: string, timeoutMs: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (code ${child.exitCode}):\n${log()}`);
    try {
      const { status } = await get(port, urlPath);
      if (status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`No answer on 127.0.0.1:${port}${urlPath} within ${seconds(timeoutMs)}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

// ---------------------------------------------------------------------------------------
// Word lists for the generated text. Ordered from common to rare: the generator picks with a
// skew towards the start, so that common words are common and specific ones rare, as in real
// text (a uniform pick over a small vocabulary would make every search term match everything).

const DE_FUNCTION = `der die das und ist nicht ein eine mit für auf im den von zu dass es sich hat wird werden auch nach bei wie mehr als noch über um aus so nur seit sind war haben vor unter gegen durch bis heute jetzt rund etwa knapp fast sogar bereits deutlich weniger viele alle diese dieser jedes Jahr Jahren Prozent Millionen Milliarden Euro`.split(" ");
const DE_WORDS = `Regierung Bundesregierung Kanzler Kanzlerin Minister Ministerin Partei Opposition Koalition Bundestag Landtag Wahl Wähler Umfrage Haushalt Schulden Steuern Rente Renten Arbeit Arbeitslosigkeit Arbeitsplätze Löhne Mindestlohn Inflation Preise Mieten Wohnungen Energie Strom Gas Kohle Atomkraft Windkraft Solarenergie Klima Klimaschutz Emissionen Verkehr Autobahn Bahn Flughafen Migration Flüchtlinge Asyl Grenze Polizei Kriminalität Sicherheit Bundeswehr Nato Krieg Frieden Russland Ukraine China Amerika Europa Brüssel Berlin Bayern Sachsen Hamburg Gesundheit Krankenhaus Pflege Ärzte Impfung Pandemie Schule Schulen Lehrer Bildung Universität Forschung Digitalisierung Internet Breitband Landwirtschaft Bauern Export Import Wirtschaft Wachstum Rezession Unternehmen Industrie Mittelstand Handwerk Gewerkschaft Streik Statistik Bundesamt Studie Bericht Zahlen Daten Gesetz Reform Verordnung Gericht Urteil Verfassung Grundgesetz Familien Kinder Jugendliche Senioren Frauen Männer Bürger Gemeinden Städte Länder Bund gestiegen gesunken verdoppelt halbiert verschwiegen behauptet erklärt gesagt versprochen beschlossen gefordert kritisiert gewarnt bestätigt widerlegt gezeigt belegt niedriger höher größer kleiner schneller teurer billiger stärker schwächer neue alte hohe niedrige deutsche europäische öffentliche private soziale falsche richtige`.split(" ");
const DE_PREFIXES = `Steuer Renten Arbeits Miet Energie Strom Klima Verkehrs Gesundheits Bildungs Migrations Sicherheits Haushalts Wirtschafts Lohn Preis Wohnungs Grenz Kinder Familien Pflege Schul Digital Agrar Export Bundes Landes Kommunal Verbraucher Unternehmens`.split(" ");
const DE_SUFFIXES = `reform gesetz politik markt quote kosten preise zahlen bericht plan paket abgabe zuschuss förderung grenze bremse krise wende ziel niveau anteil rekord lücke schutz recht steuer debatte programm initiative`.split(" ");
const EN_FUNCTION = `the of and to in is that it for was on are as with by at from has have not this be but were more than about over under per cent percent million billion year years since only almost nearly around already`.split(" ");
const EN_WORDS = `government president minister party opposition coalition congress senate parliament election voters poll budget debt taxes pension jobs unemployment wages wage inflation prices rents housing energy electricity gas coal nuclear wind solar climate emissions transport highway rail airport migration refugees asylum border police crime security army nato war peace russia ukraine china america europe washington london health hospital care doctors vaccine pandemic school schools teachers education university research internet broadband farming farmers exports imports economy growth recession companies industry manufacturing unions strike statistics office study report figures data law reform regulation court ruling constitution families children young seniors women men citizens cities states federal increased decreased doubled halved claimed said promised passed demanded criticised warned confirmed refuted showed proved lower higher bigger smaller faster cheaper stronger weaker new old high low national european public private social false true misleading record average median annual monthly`.split(" ");
const EN_RARE = `tariff subsidy deficit surplus stimulus austerity filibuster gerrymandering caucus primary ballot turnout incumbency bipartisan infrastructure deregulation privatisation welfare medicaid medicare obamacare fracking pipeline carbon methane drought wildfire flooding heatwave microchips semiconductors cryptocurrency blockchain broadband telecom outsourcing offshoring automation robotics productivity apprenticeship tuition scholarship homelessness eviction mortgage landlord overdose fentanyl opioid vaccination ventilator quarantine lockdown`.split(" ");

const FIRST_NAMES = `Anna Thomas Maria Michael Julia Andreas Katrin Stefan Sabine Markus Claudia Jens Petra Frank Monika Jürgen Ursula Olaf Annalena Robert Christian Friedrich Sahra Hendrik Boris Karl Nancy Hubertus Lisa Tino Alice Ricarda Omid Kevin Saskia Norbert Lars Bettina Cem Svenja Emmanuel Giorgia Pedro Donald Joe Kamala Rishi Keir Justin Olena Wladimir Xi Recep Viktor Antje Mette Sanna Jacinda Narendra Luiz Javier Charles`.split(" ");
const LAST_NAMES = `Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Keller Vogel Friedrich Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer`.split(" ");
const ORGANIZATIONS = `Bundesministerium der Finanzen|Bundesagentur für Arbeit|Statistisches Bundesamt|Deutscher Gewerkschaftsbund|Bundesverband der Deutschen Industrie|Deutsche Bundesbank|Europäische Kommission|Europäische Zentralbank|Umweltbundesamt|Robert Koch-Institut|Bundesamt für Migration und Flüchtlinge|Deutscher Städtetag|Verbraucherzentrale Bundesverband|Deutscher Bauernverband|Institut der deutschen Wirtschaft|Greenpeace Deutschland|Bund der Steuerzahler|Deutsche Bahn|Kassenärztliche Bundesvereinigung|Deutscher Mieterbund`.split("|");
const PUBLICATIONS = `Tagesblatt|Morgenpost|Abendzeitung|Rundschau|Kurier|Allgemeine|Nachrichten|Anzeiger|Volksstimme|Tageszeitung`.split("|");
const CITIES = `Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen Dresden Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster Mainz Kiel Erfurt Potsdam Schwerin Magdeburg Saarbrücken Wiesbaden`.split(" ");
const ROLE_TITLES = `Bundeskanzler|Bundesministerin|Bundesminister|Ministerpräsidentin|Ministerpräsident|Fraktionsvorsitzende|Fraktionsvorsitzender|Parteivorsitzende|Parteivorsitzender|Abgeordnete|Abgeordneter|Bürgermeisterin|Bürgermeister|Präsidentin|Präsident|Sprecherin|Sprecher|Staatssekretärin|Staatssekretär|Landrat`.split("|");
const PARTIES = `SPD|CDU|CSU|Grüne|FDP|Die Linke|AfD|BSW|Freie Wähler|Volt`.split("|");
const OCCASIONS = `Bundestagsdebatte|Pressekonferenz|Talkshow|Wahlkampfauftritt|Parteitag|Interview|Regierungserklärung|Landtagsdebatte|Gipfeltreffen|Podiumsdiskussion|Sommerinterview|Haushaltsdebatte`.split("|");
const PUBLISHERS = `Deutsche Presse-Agentur|Reuters|Agence France-Presse|Tagesschau|Der Spiegel|Die Zeit|Süddeutsche Zeitung|Frankfurter Allgemeine Zeitung|Handelsblatt|Statistisches Bundesamt|Eurostat|Bundesagentur für Arbeit|The Guardian|The New York Times|BBC News|Associated Press`.split("|");
const TOPICS: [string, string, string][] = [
  ["wirtschaft", "Wirtschaft", "Economy"], ["arbeit", "Arbeitsmarkt", "Labour market"], ["steuern", "Steuern", "Taxes"],
  ["rente", "Rente", "Pensions"], ["gesundheit", "Gesundheit", "Health"], ["pflege", "Pflege", "Care"],
  ["migration", "Migration", "Migration"], ["asyl", "Asyl", "Asylum"], ["klima", "Klima", "Climate"],
  ["energie", "Energie", "Energy"], ["verkehr", "Verkehr", "Transport"], ["wohnen", "Wohnen", "Housing"],
  ["bildung", "Bildung", "Education"], ["digitales", "Digitales", "Digital"], ["sicherheit", "Innere Sicherheit", "Security"],
  ["verteidigung", "Verteidigung", "Defence"], ["europa", "Europa", "Europe"], ["aussenpolitik", "Außenpolitik", "Foreign policy"],
  ["landwirtschaft", "Landwirtschaft", "Agriculture"], ["umwelt", "Umwelt", "Environment"], ["familie", "Familie", "Family"],
  ["haushalt", "Haushalt", "Budget"], ["inflation", "Inflation", "Inflation"], ["justiz", "Justiz", "Justice"],
  ["wahlen", "Wahlen", "Elections"], ["medien", "Medien", "Media"], ["corona", "Corona", "Covid-19"],
  ["ukraine", "Ukraine-Krieg", "War in Ukraine"], ["kriminalitaet", "Kriminalität", "Crime"], ["soziales", "Soziales", "Welfare"],
];
/** What readers type: common words, specific compounds, names, phrases, a typo, English. */
const SEARCH_TERMS = [
  "Inflation", "Mindestlohn", "Rente", "Mietpreisbremse", "Flüchtlinge", "Klimaschutz", "Arbeitslosigkeit", "Steuerreform",
  "Schulden Haushalt", "Strompreise", "Bundeswehr Nato", "Krankenhaus Pflege", "Müller", "Scholz", "Schmidt", "Wagner",
  "Energie Preise gestiegen", "Grenze Migration", "Arbeitsmarkt", "Kinder Armut", "Windkraft", "Digitalisierung Schulen",
  "Migartion", "Infaltion", "inflation", "tariff", "unemployment rate", "health care", "Statistisches Bundesamt", "Bürgergeld",
];

function words(): { de: string[]; en: string[] } {
  const compounds: string[] = [];
  for (const p of DE_PREFIXES) for (const s of DE_SUFFIXES) compounds.push(p + s);
  // A fixed shuffle of the compounds (rare words), so that each prefix is spread over the tail.
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = compounds.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [compounds[i], compounds[j]] = [compounds[j]!, compounds[i]!];
  }
  return { de: [...DE_FUNCTION, ...DE_WORDS, ...compounds], en: [...EN_FUNCTION, ...EN_WORDS, ...EN_RARE] };
}

// ---------------------------------------------------------------------------------------
// The dataset, in SQL. One connection: pg_temp functions live as long as it does. The big
// tables are written in chunks of generate_series ranges, so that a million quotes take no more
// memory or transaction size than a hundred thousand.

const CHUNK_ROWS = 100_000;
const SENTENCE_POOL = 20_000;

function chunks(total: number, size: number): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 1; from <= total; from += size) out.push([from, Math.min(total, from + size - 1)]);
  return out;
}

export async function generateDataset(
  url: string,
  options: Pick<Options, "claims" | "quotes" | "speakers"> & {
    /** Also what the desk reads (scripts/bench-desk.ts), its accounts with this password hash. */
    desk?: { passwordHash: string };
  },
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = (text: string, values: unknown[] = []) => client.query(text, values);
    await q("SET synchronous_commit = off");
    await q("SELECT setseed(0.4711)");
    const { de, en } = words();
    const verdicts = (await q(`SELECT id FROM "VerdictLabel" ORDER BY position`)).rows.map((r: { id: string }) => r.id);
    if (!verdicts.length) throw new Error("No verdict scale: bootstrap did not run?");
    const sources = Math.max(50, Math.round(options.claims / 4));

    // Text: words picked with a skew towards the start of the list (see above).
    // (A random() condition that names only generate_series' column is evaluated once per
    // value, not per row: such conditions below add `0 * length(<row id>)` to stay per row.)
    await q(`
      CREATE FUNCTION pg_temp.pick(arr text[]) RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT arr[1 + floor(array_length(arr, 1) * power(random(), 2.2))::int]
      $$`);
    await q(`
      CREATE FUNCTION pg_temp.sentence(arr text[], minw int, maxw int) RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT upper(left(s, 1)) || substr(s, 2) || '.'
          FROM (SELECT string_agg(pg_temp.pick(arr), ' ') AS s
                  FROM generate_series(1, minw + floor(random() * (maxw - minw + 1))::int)) w
      $$`);
    await q(`
      CREATE FUNCTION pg_temp.para(arr text[], sentences int) RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT string_agg(pg_temp.sentence(arr, 7, 22), ' ') FROM generate_series(1, sentences)
      $$`);
    await q(`
      CREATE FUNCTION pg_temp.slugify(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT trim(both '-' from regexp_replace(
                 replace(replace(replace(replace(lower(s), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
                 '[^a-z0-9]+', '-', 'g'))
      $$`);
    await q(`CREATE FUNCTION pg_temp.any_of(arr anyarray) RETURNS anyelement LANGUAGE sql VOLATILE AS $$
        SELECT arr[1 + floor(random() * array_length(arr, 1))::int] $$`);
    // Texts are drawn from a pool of sentences (word salad drawn a word at a time, 20,000 per
    // language): drawing every text a word at a time took an hour at a million quotes. A quote
    // is one or two sentences of the pool, a claim's text one, its summary two, a source's
    // stored text seventy: the words keep their skewed frequencies, and search terms their
    // selectivity.
    await q(
      `CREATE TEMP TABLE sentence_pool AS
         SELECT l.lang, k, pg_temp.sentence(CASE WHEN l.lang = 'de' THEN $1::text[] ELSE $2::text[] END, 7, 26) AS s
           FROM (VALUES ('de'), ('en')) l(lang), generate_series(1, ${SENTENCE_POOL}) k`,
      [de, en],
    );
    await q(`CREATE UNIQUE INDEX ON sentence_pool (lang, k)`);
    await q(`ANALYZE sentence_pool`);
    await q(`
      CREATE FUNCTION pg_temp.ppara(lang text, sentences int) RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT string_agg(x.s, ' ')
          FROM generate_series(1, sentences) g
          CROSS JOIN LATERAL (SELECT 1 + floor(random() * ${SENTENCE_POOL} + 0 * g)::int AS k) pick
          JOIN sentence_pool x ON x.lang = $1 AND x.k = pick.k
      $$`);

    // Bulk loading as PostgreSQL's manual advises ("Populating a Database"): the full-text and
    // trigram (GIN) indexes are dropped while the tables fill and built once at the end, with
    // memory to sort in. Updating them row by row was most of the build's time at a million
    // quotes. No step below reads through them.
    const ginIndexes = (
      await q(`SELECT i.indexname AS name, i.indexdef AS definition
                 FROM pg_indexes i
                 JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = to_regnamespace(i.schemaname)
                 JOIN pg_am am ON am.oid = c.relam
                WHERE i.schemaname = current_schema() AND am.amname = 'gin'`)
    ).rows as { name: string; definition: string }[];
    for (const index of ginIndexes) await q(`DROP INDEX "${index.name}"`);

    await timed(`speakers (${options.speakers}) with aliases and roles`, async () => {
      await q(
        `INSERT INTO "Speaker" (id, slug, name, kind, bio, "wikidataId", "updatedAt")
         -- Names repeat after a while: their slugs get -2, -3 as uniqueSlug does.
         SELECT 'bsp' || n, pg_temp.slugify(name) || CASE WHEN k > 1 THEN '-' || k ELSE '' END, name, kind::"SpeakerKind",
                CASE WHEN random() < 0.8 THEN pg_temp.para($5::text[], 2) END,
                CASE WHEN random() < 0.5 THEN 'Q' || (9000000 + n) END, now()
           FROM (SELECT named.*, row_number() OVER (PARTITION BY pg_temp.slugify(name) ORDER BY n) AS k FROM (SELECT n,
                        CASE WHEN n % 20 = 7 THEN ($3::text[])[1 + (n / 20) % array_length($3::text[], 1)]
                                  || CASE WHEN n / 20 >= array_length($3::text[], 1) THEN ' ' || ($6::text[])[1 + n % array_length($6::text[], 1)] ELSE '' END
                             WHEN n % 20 = 13 THEN ($6::text[])[1 + (n / 20) % array_length($6::text[], 1)] || 'er '
                                  || ($4::text[])[1 + (n / 20 / array_length($6::text[], 1)) % array_length($4::text[], 1)]
                             ELSE ($1::text[])[1 + n % array_length($1::text[], 1)] || ' '
                                  || ($2::text[])[1 + (n / array_length($1::text[], 1)) % array_length($2::text[], 1)] END AS name,
                        CASE WHEN n % 20 = 7 THEN 'organization' WHEN n % 20 = 13 THEN 'publication' ELSE 'person' END AS kind
                   FROM generate_series(1, $7::int) n) named) s`,
        [FIRST_NAMES, LAST_NAMES, ORGANIZATIONS, PUBLICATIONS, de, CITIES, options.speakers],
      );
      await q(`
        INSERT INTO "SpeakerAlias" (id, "speakerId", alias)
        SELECT 'bal' || s.id || '-' || v.k, s.id, v.alias
          FROM "Speaker" s
          CROSS JOIN LATERAL (VALUES
            (1, CASE WHEN s.kind = 'person' THEN split_part(s.name, ' ', 2) ELSE upper(regexp_replace(s.name, '([^ ])[^ ]* ?', '\\1', 'g')) END),
            (2, CASE WHEN s.kind = 'person' THEN left(s.name, 1) || '. ' || split_part(s.name, ' ', 2) ELSE s.name || ' (' || pg_temp.any_of($1::text[]) || ')' END),
            (3, lower(s.name))) v(k, alias)
         WHERE v.k <= 1 + (hashtext(s.id) & 3) % 3 AND v.alias <> '' AND v.alias <> s.name`,
        [CITIES],
      );
      await q(
        `INSERT INTO "SpeakerRole" (id, "speakerId", title, organization, "startDate", "endDate")
         SELECT 'brl' || s.id || '-' || k, s.id, pg_temp.any_of($1::text[]), pg_temp.any_of($2::text[]),
                d, CASE WHEN k = 1 AND random() < 0.6 THEN d + (200 + floor(random() * 2000))::int END
           FROM "Speaker" s, generate_series(1, 2) k,
                LATERAL (SELECT (date '2005-01-01' + floor(random() * 7000 + 0 * k + 0 * length(s.id))::int) AS d) x
          WHERE s.kind = 'person' AND (k = 1 OR random() + 0 * length(s.id) < 0.4)`,
        [ROLE_TITLES, PARTIES],
      );
    });

    await timed(`topics (${TOPICS.length})`, () =>
      q(
        `INSERT INTO "Topic" (id, slug, "nameDe", "nameEn", "descriptionDe", "updatedAt")
         SELECT 'btp' || i, t[1], t[2], t[3], pg_temp.para($2, 1), now()
           FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(j, i),
                LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(e.j)) AS t) x`,
        [JSON.stringify(TOPICS), de],
      ),
    );

    await timed(`sources (${sources}) with stored texts`, () =>
      q(
        `INSERT INTO "Source" (id, kind, url, title, publisher, author, "publishedAt", "accessedAt", language,
                               "snapshotText", "contentHash", "snapshotAt", "updatedAt")
         SELECT 'bsr' || n, (CASE WHEN n % 10 < 7 THEN 'news_article' WHEN n % 10 < 8 THEN 'official_document'
                                  WHEN n % 10 < 9 THEN 'statistic' ELSE 'transcript' END)::"SourceKind",
                'https://www.example-' || (n % 40) || '.de/artikel/' || n, title, publisher,
                CASE WHEN random() < 0.7 THEN pg_temp.any_of($3::text[]) || ' ' || pg_temp.any_of($4::text[]) END,
                published, published + interval '1 day', lang, body, encode(sha256(convert_to(body, 'UTF8')), 'hex'), published + interval '1 day', now()
           FROM (SELECT n, lang, rtrim(pg_temp.sentence(words, 6, 14), '.') AS title, pg_temp.any_of($5::text[]) AS publisher,
                        timestamp '2016-01-01' + random() * interval '3300 days' AS published,
                        pg_temp.ppara(lang, 25) || E'\\n\\n' || pg_temp.ppara(lang, 25) || E'\\n\\n' || pg_temp.ppara(lang, 20) AS body
                   FROM generate_series(1, $6::int) n,
                        LATERAL (SELECT CASE WHEN n % 10 < 8 THEN 'de' ELSE 'en' END AS lang) l,
                        LATERAL (SELECT CASE WHEN l.lang = 'de' THEN $1::text[] ELSE $2::text[] END AS words) w) s`,
        [de, en, FIRST_NAMES, LAST_NAMES, PUBLISHERS, sources],
      ),
    );

    await timed(`quotes (${options.quotes}) with translations`, async () => {
      // Prominent speakers say more: the speaker is picked with a skew too.
      for (const [from, to] of chunks(options.quotes, CHUNK_ROWS)) {
        await q(
        `INSERT INTO "Quote" (id, "speakerId", text, language, kind, "saidOn", occasion, place, "reportedById", "updatedAt")
         SELECT 'bqt' || n, 'bsp' || (1 + floor($2 * power(random(), 1.8)))::int,
                s1.s || COALESCE(' ' || s2.s, ''),
                l.lang, (CASE WHEN random() < 0.7 THEN 'direct' ELSE 'indirect' END)::"SpeechKind",
                date '2015-01-01' + floor(random() * 3600)::int, pg_temp.any_of($3::text[]), pg_temp.any_of($4::text[]),
                CASE WHEN random() < 0.1 THEN 'bsp' || (1 + floor(random() * $2))::int END, now()
           FROM generate_series($1::int, $5::int) n
          CROSS JOIN LATERAL (SELECT CASE WHEN n % 10 < 7 THEN 'de' ELSE 'en' END AS lang,
                                     1 + floor(random() * ${SENTENCE_POOL} + 0 * n)::int AS k1,
                                     1 + floor(random() * ${SENTENCE_POOL} + 0 * n)::int AS k2,
                                     random() + 0 * n < 0.4 AS two) l
           JOIN sentence_pool s1 ON s1.lang = l.lang AND s1.k = l.k1
           LEFT JOIN sentence_pool s2 ON l.two AND s2.lang = l.lang AND s2.k = l.k2`,
          [from, options.speakers, OCCASIONS, CITIES, to],
        );
        await q(
          `INSERT INTO "QuoteTranslation" (id, "quoteId", language, text)
           SELECT 'bqx' || q.id, q.id, l.lang, s.s
             FROM generate_series($1::int, $2::int) n JOIN "Quote" q ON q.id = 'bqt' || n
            CROSS JOIN LATERAL (SELECT CASE WHEN q.language = 'de' THEN 'en' ELSE 'de' END AS lang,
                                       1 + floor(random() * ${SENTENCE_POOL} + 0 * n)::int AS k) l
             JOIN sentence_pool s ON s.lang = l.lang AND s.k = l.k
            WHERE random() + 0 * length(q.id) < 0.2`,
          [from, to],
        );
      }
    });

    await timed(`claims (${options.claims}): text, verdicts, summaries, analyses`, async () => {
      // A public claim names its publication (frozen below, freezeInSql) from the start:
      // setting it afterwards would write every claim twice, indexes and search columns
      // included. The reference is checked again once the publications exist.
      await q(`SET session_replication_role = replica`);
      for (const [from, to] of chunks(options.claims, CHUNK_ROWS / 2)) {
        await q(
        `INSERT INTO "Claim" (id, slug, text, language, status, "claimantId", "claimDate", "verdictId", summary, analysis,
                              "publicState", "publishedVerdictId", "publishedSummary", "publishedAnalysis", "publishedAt",
                              "publicUpdatedAt", "createdAt", "updatedAt", "publicationId")
         SELECT id, rtrim(left(pg_temp.slugify(text), 70), '-') || '-' || n, text, lang, status::"ClaimStatus", claimant, claim_date,
                verdict, summary, analysis,
                public_state::"PublicState", CASE WHEN public_state IS NOT NULL THEN verdict END,
                CASE WHEN public_state IS NOT NULL THEN summary END, CASE WHEN public_state IS NOT NULL THEN analysis END,
                CASE WHEN public_state IS NOT NULL THEN published END,
                CASE WHEN public_state IN ('corrected', 'retracted') THEN published + interval '9 days' WHEN public_state IS NOT NULL THEN published END,
                created, now(), CASE WHEN public_state IS NOT NULL THEN 'bpub' || id END
           FROM (SELECT n, 'bcl' || n AS id, x.lang, rtrim(s1.s, '.') AS text,
                        CASE WHEN r < 0.72 THEN 'published' WHEN r < 0.80 THEN 'corrected' WHEN r < 0.84 THEN 'retracted'
                             WHEN r < 0.90 THEN 'in_review' WHEN r < 0.95 THEN 'in_research' ELSE 'draft' END AS status,
                        CASE WHEN r < 0.72 THEN 'published' WHEN r < 0.80 THEN 'corrected' WHEN r < 0.84 THEN 'retracted' END AS public_state,
                        CASE WHEN random() < 0.95 THEN 'bsp' || (1 + floor($4 * power(random(), 1.8)))::int END AS claimant,
                        published::date - floor(random() * 20)::int AS claim_date,
                        CASE WHEN r < 0.95 THEN pg_temp.any_of($5::text[]) END AS verdict,
                        CASE WHEN r < 0.95 THEN s2.s || ' ' || s3.s END AS summary,
                        CASE WHEN r < 0.95 THEN
                          '## ' || rtrim(pg_temp.sentence(words, 3, 6), '.') || E'\\n\\n' || pg_temp.ppara(x.lang, 6) || E'\\n\\n' ||
                          '## ' || rtrim(pg_temp.sentence(words, 3, 6), '.') || E'\\n\\n' || pg_temp.ppara(x.lang, 8) || E'\\n\\n' ||
                          '- ' || pg_temp.ppara(x.lang, 1) || E'\\n- ' || pg_temp.ppara(x.lang, 1) || E'\\n\\n' ||
                          '## Fazit' || E'\\n\\n' || pg_temp.ppara(x.lang, 3) END AS analysis,
                        published, published - interval '5 days' AS created
                   FROM generate_series($3::int, $6::int) n,
                        LATERAL (SELECT random() AS r, CASE WHEN n % 10 < 7 THEN 'de' ELSE 'en' END AS lang,
                                        timestamp '2017-01-01' + random() * interval '3200 days' AS published) x,
                        LATERAL (SELECT CASE WHEN x.lang = 'de' THEN $1::text[] ELSE $2::text[] END AS words, x.lang AS l,
                                        1 + floor(random() * ${SENTENCE_POOL} + 0 * n)::int AS k1,
                                        1 + floor(random() * ${SENTENCE_POOL} + 0 * n)::int AS k2,
                                        1 + floor(random() * ${SENTENCE_POOL} + 0 * n)::int AS k3) w
                        JOIN sentence_pool s1 ON s1.lang = w.l AND s1.k = w.k1
                        JOIN sentence_pool s2 ON s2.lang = w.l AND s2.k = w.k2
                        JOIN sentence_pool s3 ON s3.lang = w.l AND s3.k = w.k3) c`,
          [de, en, from, options.speakers, verdicts, to],
        );
      }
      await q(`SET session_replication_role = DEFAULT`);
    });

    await timed("links: claim quotes, passages, appearances, topics", async () => {
      // 0–3 quotes of the claimant per claim, picked by number among the claimant's quotes
      // (a prominent speaker has thousands: sorting them at random for each claim would make
      // this step grow with the square of the data).
      await q(`CREATE TEMP TABLE speaker_quote AS
                 SELECT "speakerId" AS speaker, row_number() OVER (PARTITION BY "speakerId" ORDER BY id) AS rn, id
                   FROM "Quote" WHERE id LIKE 'bqt%'`);
      await q(`CREATE INDEX ON speaker_quote (speaker, rn)`);
      await q(`CREATE TEMP TABLE speaker_quotes AS SELECT speaker, count(*) AS n FROM speaker_quote GROUP BY speaker`);
      await q(`CREATE UNIQUE INDEX ON speaker_quotes (speaker)`);
      await q(`ANALYZE speaker_quote, speaker_quotes`);
      for (const [from, to] of chunks(options.claims, CHUNK_ROWS)) {
        await q(
          `INSERT INTO "ClaimQuote" ("claimId", "quoteId")
           SELECT DISTINCT c.id, sq.id
             FROM generate_series($1::int, $2::int) n
             JOIN "Claim" c ON c.id = 'bcl' || n
             JOIN speaker_quotes sn ON sn.speaker = c."claimantId"
             CROSS JOIN LATERAL generate_series(1, floor(random() * 4 + 0 * length(c.id))::int) k
             CROSS JOIN LATERAL (SELECT 1 + floor(random() * sn.n + 0 * k)::int AS rn) pick
             JOIN speaker_quote sq ON sq.speaker = c."claimantId" AND sq.rn = pick.rn`,
          [from, to],
        );
      }
      // Where quotes appear: every linked quote, and a third of the others.
      for (const [from, to] of chunks(options.quotes, CHUNK_ROWS)) {
        await q(
          `INSERT INTO "QuoteAppearance" (id, "quoteId", "sourceId", start, "end")
           SELECT 'bqa' || q.id, q.id, src.id, st, st + least(length(q.text), 300)
             FROM generate_series($2::int, $3::int) n
             JOIN "Quote" q ON q.id = 'bqt' || n
             CROSS JOIN LATERAL (SELECT 'bsr' || (1 + floor(random() * $1))::int AS id, q.id AS qid) pick
             JOIN "Source" src ON src.id = pick.id
             CROSS JOIN LATERAL (SELECT floor(random() * greatest(length(src."snapshotText") - 400, 1))::int AS st) o
            WHERE EXISTS (SELECT 1 FROM "ClaimQuote" cq WHERE cq."quoteId" = q.id) OR random() + 0 * length(q.id) < 0.33`,
          [sources, from, to],
        );
      }
      await q(
        `INSERT INTO "ClaimPassage" (id, "claimId", "sourceId", start, "end")
         SELECT 'bcp' || c.id, c.id, src.id, st, st + 160
           FROM "Claim" c
           CROSS JOIN LATERAL (SELECT 'bsr' || (1 + floor(random() * $1))::int AS id, c.id AS cid) pick
           JOIN "Source" src ON src.id = pick.id
           CROSS JOIN LATERAL (SELECT floor(random() * greatest(length(src."snapshotText") - 400, 1))::int AS st) o
         WHERE c.id LIKE 'bcl%' AND random() < 0.3`,
        [sources],
      );
      await q(`
        INSERT INTO "ClaimTopic" ("claimId", "topicId")
        SELECT DISTINCT c.id, 'btp' || (1 + floor(random() * (SELECT count(*) FROM "Topic" WHERE id LIKE 'btp%')))::int
          FROM "Claim" c, generate_series(1, 3) k
         WHERE c.id LIKE 'bcl%' AND (k = 1 OR random() + 0 * length(c.id) < 0.4)`);
    });

    await timed("evidence and corrections", async () => {
      await q(
        `INSERT INTO "Evidence" (id, "claimId", "sourceId", stance, excerpt, note, position, "updatedAt")
         SELECT 'bev' || c.id || '-' || k, c.id, 'bsr' || (1 + floor(random() * $1))::int,
                (CASE WHEN random() < 0.45 THEN 'refutes' WHEN random() < 0.6 THEN 'supports' ELSE 'context' END)::"EvidenceStance",
                pg_temp.ppara(c.language, 2),
                CASE WHEN random() < 0.5 THEN pg_temp.ppara(c.language, 2) END,
                k, now()
           FROM "Claim" c, generate_series(1, 5) k
          WHERE c.id LIKE 'bcl%' AND c.status <> 'draft' AND (k <= 2 OR random() + 0 * length(c.id) < 0.35)`,
        [sources],
      );
      await q(
        `INSERT INTO "Correction" (id, "claimId", kind, note, "previousVerdictId", "previousSummary", "publishedAt", "createdAt")
         SELECT 'bco' || c.id, c.id, (CASE WHEN c."publicState" = 'retracted' THEN 'retraction' ELSE 'correction' END)::"CorrectionKind",
                pg_temp.ppara(c.language, 2), pg_temp.any_of($1::text[]), pg_temp.ppara(c.language, 2),
                c."publicUpdatedAt", c."publicUpdatedAt" - interval '1 day'
           FROM "Claim" c WHERE c.id LIKE 'bcl%' AND c."publicState" IN ('corrected', 'retracted')`,
        [verdicts],
      );
    });

    if (options.desk) {
      await generateDeskRecords(
        q,
        timed,
        { de, en, firstNames: FIRST_NAMES, lastNames: LAST_NAMES, publishers: PUBLISHERS },
        { claims: options.claims, quotes: options.quotes, speakers: options.speakers, sources },
        options.desk.passwordHash,
      );
    }

    await timed("ANALYZE", () => q("ANALYZE"));
    await timed("freeze the public claims' approved versions (SQL)", () => freezeInSql(q, options.claims));
    await timed(`full-text and trigram indexes (${ginIndexes.length})`, async () => {
      await q(`SET maintenance_work_mem = '1GB'`);
      for (const index of ginIndexes) await q(index.definition);
      await q(`RESET maintenance_work_mem`);
    });
    await timed("VACUUM ANALYZE", () => q("VACUUM ANALYZE"));
  } finally {
    await client.end();
  }
}

/**
 * The generated public claims are public without an approval: each gets its publication, as
 * lib/editorial/publication.ts freezePublication builds it, but in set-based SQL (the one claim
 * at a time of freezeMissingPublications takes ~20 ms a claim: most of an hour for 150,000).
 * The same content, key for key: main() compares a sample with buildPublishedContent.
 */

async function freezeInSql(
  q: (text: string, values?: unknown[]) => Promise<{ rows: { n: number }[] }>,
  claims: number,
): Promise<void> {
  // passageInContext (lib/passage.ts), for texts without surrogate pairs (the generated ones):
  // JavaScript's string offsets are then PostgreSQL's character positions.
  await q(`
    CREATE FUNCTION pg_temp.passage(t text, s int, e int, r int) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
    DECLARE f int; tt int; i int; n int; base int; w text;
    BEGIN
      IF t IS NULL THEN RETURN NULL; END IF;
      n := length(t);
      IF s < 0 OR e < s OR e > n THEN RETURN NULL; END IF;
      f := greatest(0, s - r);
      tt := least(n, e + r);
      -- The window and a character on each side: positions below are JavaScript's offsets,
      -- the character at offset p is substr(w, p - base + 1, 1).
      base := greatest(0, f - 1);
      w := substr(t, base + 1, tt + 1 - base);
      IF f > 0 AND substr(w, f - base, 1) !~ '\\s' THEN
        i := f;
        WHILE i < s AND substr(w, i - base + 1, 1) !~ '\\s' LOOP i := i + 1; END LOOP;
        IF i < s THEN f := i; END IF;
      END IF;
      IF tt < n AND substr(w, tt - base + 1, 1) !~ '\\s' THEN
        i := tt;
        WHILE i > e AND substr(w, i - base, 1) !~ '\\s' LOOP i := i - 1; END LOOP;
        IF i > e THEN tt := i; END IF;
      END IF;
      RETURN jsonb_build_object('before', regexp_replace(substr(w, f - base + 1, s - f), '^\\s+', ''),
                                'passage', substr(w, s - base + 1, e - s),
                                'after', regexp_replace(substr(w, e - base + 1, tt - e), '\\s+$', ''),
                                'truncatedStart', f > 0, 'truncatedEnd', tt < n);
    END $$`);
  // (Functions of SQL with a FROM clause cost ~0.1 ms a call, a join a few microseconds.)
  await q(`CREATE TEMP TABLE speaker_json AS
             SELECT s.id, jsonb_build_object('id', s.id, 'name', s.name, 'kind', s.kind::text, 'wikidataId', s."wikidataId") AS j
               FROM "Speaker" s`);
  await q(`CREATE UNIQUE INDEX ON speaker_json (id)`);
  await q(`ANALYZE speaker_json`);
  for (const [from, to] of chunks(claims, CHUNK_ROWS / 4)) {
    await q(
      `CREATE TEMP TABLE frozen AS
       WITH c AS (
         SELECT c.* FROM generate_series($1::int, $2::int) n JOIN "Claim" c ON c.id = 'bcl' || n
          WHERE c."publicationId" IS NOT NULL
       ),
       qa AS (
         SELECT cq."claimId", a."quoteId", a."sourceId", a.start, a."end"
           FROM c JOIN "ClaimQuote" cq ON cq."claimId" = c.id JOIN "QuoteAppearance" a ON a."quoteId" = cq."quoteId"
       ),
       quotes AS (
         SELECT cq."claimId",
                jsonb_agg(jsonb_build_object(
                  'quoteId', qt.id, 'text', qt.text, 'language', qt.language, 'kind', qt.kind::text,
                  'saidOn', to_char(qt."saidOn", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'occasion', qt.occasion, 'place', qt.place,
                  'speaker', sj.j, 'reportedBy', rj.j,
                  'translations', COALESCE((SELECT jsonb_agg(jsonb_build_object('language', t.language, 'text', t.text) ORDER BY t.language)
                                              FROM "QuoteTranslation" t WHERE t."quoteId" = qt.id), '[]'),
                  'appearances', COALESCE((SELECT jsonb_agg(jsonb_build_object('sourceId', a."sourceId",
                                                   'context', pg_temp.passage(src."snapshotText", a.start, a."end", ${CONTEXT_RADIUS}))
                                                   ORDER BY a.start, a."sourceId")
                                              FROM "QuoteAppearance" a JOIN "Source" src ON src.id = a."sourceId"
                                             WHERE a."quoteId" = qt.id), '[]'))
                  ORDER BY (SELECT min(a.start) FROM "QuoteAppearance" a WHERE a."quoteId" = qt.id) NULLS LAST, qt.id) AS quotes
           FROM c JOIN "ClaimQuote" cq ON cq."claimId" = c.id JOIN "Quote" qt ON qt.id = cq."quoteId"
           JOIN speaker_json sj ON sj.id = qt."speakerId" LEFT JOIN speaker_json rj ON rj.id = qt."reportedById"
          GROUP BY cq."claimId"
       ),
       passages AS (
         SELECT p."claimId",
                jsonb_agg(jsonb_build_object('sourceId', p."sourceId",
                                             'context', pg_temp.passage(src."snapshotText", p.start, p."end", ${CONTEXT_RADIUS}))
                          ORDER BY p.start, p."sourceId") AS passages
           FROM c JOIN "ClaimPassage" p ON p."claimId" = c.id JOIN "Source" src ON src.id = p."sourceId"
          WHERE NOT EXISTS (SELECT 1 FROM qa WHERE qa."claimId" = p."claimId" AND qa."sourceId" = p."sourceId"
                              AND qa.start = p.start AND qa."end" = p."end")
          GROUP BY p."claimId"
       ),
       evidence AS (
         SELECT e."claimId",
                jsonb_agg(jsonb_build_object('stance', e.stance::text, 'excerpt', e.excerpt, 'note', e.note, 'sourceId', e."sourceId")
                          ORDER BY e.position, e."createdAt", e.id) AS evidence
           FROM c JOIN "Evidence" e ON e."claimId" = c.id
          GROUP BY e."claimId"
       ),
       sources AS (
         SELECT x."claimId",
                jsonb_agg(jsonb_build_object('id', src.id, 'kind', src.kind::text, 'url', src.url, 'title', src.title,
                                             'publisher', src.publisher, 'author', src.author,
                                             'publishedAt', to_char(src."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'language', src.language)
                          ORDER BY src.id) AS sources
           FROM (SELECT "claimId", "sourceId" FROM qa
                 UNION SELECT p."claimId", p."sourceId" FROM c JOIN "ClaimPassage" p ON p."claimId" = c.id
                 UNION SELECT e."claimId", e."sourceId" FROM c JOIN "Evidence" e ON e."claimId" = c.id) x
           JOIN "Source" src ON src.id = x."sourceId"
          GROUP BY x."claimId"
       )
       SELECT c.id AS "claimId", c."publicationId" AS id, cj.j AS claimant,
              jsonb_build_object(
                'format', ${PUBLISHED_CONTENT_FORMAT}, 'text', c.text, 'language', c.language,
                'claimDate', to_char(c."claimDate", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'claimant', cj.j,
                'topicIds', COALESCE((SELECT jsonb_agg(t."topicId" ORDER BY t."topicId") FROM "ClaimTopic" t WHERE t."claimId" = c.id), '[]'),
                'quotes', COALESCE(quotes.quotes, '[]'), 'passages', COALESCE(passages.passages, '[]'),
                'sources', COALESCE(sources.sources, '[]'), 'evidence', COALESCE(evidence.evidence, '[]')) AS content
         FROM c LEFT JOIN speaker_json cj ON cj.id = c."claimantId"
                LEFT JOIN quotes ON quotes."claimId" = c.id LEFT JOIN passages ON passages."claimId" = c.id
                LEFT JOIN evidence ON evidence."claimId" = c.id LEFT JOIN sources ON sources."claimId" = c.id`,
      [from, to],
    );
    await q(`INSERT INTO "ClaimPublication" (id, "claimId", content, claimant, "createdAt")
             SELECT id, "claimId", content, claimant, now() FROM frozen`);
    await q(`INSERT INTO "PublishedQuote" (id, "claimId", "quoteId", "speakerId", "reportedById", text, language, kind, "saidOn",
                                           occasion, place, "speakerRef", "reportedByRef")
             SELECT 'bpq' || f."claimId" || '-' || qt."quoteId", f."claimId", qt."quoteId", qt.speaker->>'id', qt."reportedBy"->>'id',
                    qt.text, qt.language, qt.kind, left(qt."saidOn", 10)::date, qt.occasion, qt.place, qt.speaker - 'id',
                    CASE WHEN jsonb_typeof(qt."reportedBy") = 'object' THEN qt."reportedBy" - 'id' END
               FROM frozen f
               CROSS JOIN LATERAL jsonb_to_recordset(f.content->'quotes')
                 AS qt("quoteId" text, text text, language text, kind "SpeechKind", "saidOn" text, occasion text, place text,
                       speaker jsonb, "reportedBy" jsonb)`);
    await q(`INSERT INTO "PublishedClaimTopic" ("claimId", "topicId")
             SELECT f."claimId", t FROM frozen f CROSS JOIN LATERAL jsonb_array_elements_text(f.content->'topicIds') t`);
    await q(`DROP TABLE frozen`);
  }
  const { rows } = await q(`SELECT count(*)::int AS n FROM "Claim" c
                             WHERE c."publicationId" IS NOT NULL
                               AND NOT EXISTS (SELECT 1 FROM "ClaimPublication" p WHERE p.id = c."publicationId")`);
  const missing = rows[0]?.n ?? 0;
  if (missing !== 0) throw new Error(`${missing} claims name a publication that was not frozen`);
}

async function describeDataset(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM "Speaker") AS speakers, (SELECT count(*) FROM "SpeakerAlias") AS aliases,
             (SELECT count(*) FROM "Source") AS sources, (SELECT count(*) FROM "Quote") AS quotes,
             (SELECT count(*) FROM "ClaimQuote") AS "claimQuotes", (SELECT count(*) FROM "Claim") AS claims,
             (SELECT count(*) FROM "Claim" WHERE "publicState" IS NOT NULL) AS "publicClaims",
             (SELECT count(*) FROM "Evidence") AS evidence, (SELECT count(*) FROM "Correction") AS corrections,
             (SELECT round(avg(length("publishedAnalysis"))) FROM "Claim" WHERE "publicState" IS NOT NULL) AS "analysisChars",
             (SELECT round(avg(length("snapshotText"))) FROM "Source") AS "sourceChars",
             pg_size_pretty(pg_database_size(current_database())) AS size`);
    const r = rows[0] as Record<string, string>;
    return (
      `${r.speakers} speakers (${r.aliases} aliases), ${r.sources} sources (~${r.sourceChars} characters of stored text each), ` +
      `${r.quotes} quotes (${r.claimQuotes} links to claims), ${r.claims} claims (${r.publicClaims} public, analyses ~${r.analysisChars} characters), ` +
      `${r.evidence} pieces of evidence, ${r.corrections} corrections; database ${r.size}`
    );
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// Load generation, in a worker thread, apart from the main thread's own work.

interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  bytes: number;
  latencies: number[];
  /** Every answer, warm-up included. */
  total: number;
  /** CPU time of the server's processes per answer (warm-up included), when measured. */
  cpuMsPerAnswer?: number;
}

const LOAD_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const { port, paths, connections, warmupMs, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
let next = 0;
function once(path) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request({ host: "127.0.0.1", port, path, agent, headers: { "accept-language": "de", accept: "text/html" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk) => { bytes += chunk.length; });
      res.on("end", () => resolve({ ok: res.statusCode === 200, ms: performance.now() - started, bytes }));
      res.on("error", () => resolve({ ok: false, ms: performance.now() - started, bytes }));
    });
    req.setTimeout(30000, () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ ok: false, ms: performance.now() - started, bytes: 0 }));
    req.end();
  });
}
(async () => {
  // Every path once first: what is measured is the answer of a page already rendered and kept
  // (a first render is a different figure), which a short warm-up alone does not reach when
  // there are many paths and each first render is slow.
  let primed = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (primed < paths.length) await once(paths[primed++]);
  }));
  parentPort.postMessage({ primed: true });
  const from = performance.now() + warmupMs;
  const until = from + durationMs;
  const latencies = [];
  let errors = 0, bytes = 0, total = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < until) {
      const r = await once(paths[next++ % paths.length]);
      total++;
      const done = performance.now();
      if (done < from || done > until) continue;
      if (r.ok) { latencies.push(r.ms); bytes += r.bytes; } else errors++;
    }
  }));
  agent.destroy();
  parentPort.postMessage({ requests: latencies.length, errors, seconds: durationMs / 1000, bytes, latencies, total });
})();
`;

/** runLoad, and the CPU time the server behind `port` (the process tree of `pid`) spent per answer. */
async function runLoadCounted(port: number, paths: string[], options: Options, pid: number | undefined): Promise<LoadResult> {
  let before = 0;
  const result = await runLoad(port, paths, options, () => {
    if (pid) before = processTreeCpuMs(pid);
  });
  if (pid && result.total > 0) result.cpuMsPerAnswer = (processTreeCpuMs(pid) - before) / result.total;
  return result;
}

function runLoad(port: number, paths: string[], options: Options, onPrimed?: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      workerData: { port, paths, connections: options.connections, warmupMs: WARMUP_SECONDS * 1000, durationMs: options.duration * 1000 },
    });
    // Stopped before the servers (the last registered first), so that they can drain.
    onCleanup("load generator", () => worker.terminate().then(() => undefined));
    // The first pass over the paths renders them: minutes for many slow pages on a busy machine.
    const timer = setTimeout(() => void worker.terminate(), (WARMUP_SECONDS + options.duration + 300) * 1000);
    worker.on("message", (result: LoadResult | { primed: true }) => {
      if ("primed" in result) {
        onPrimed?.();
        return;
      }
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The load generator stopped (code ${code}) without a result`));
    });
  });
}

/** The same measurement for an async function called in this process (no HTTP). */
async function runDirect(call: (i: number) => Promise<unknown>, options: Options): Promise<LoadResult> {
  const from = performance.now() + WARMUP_SECONDS * 1000;
  const until = from + options.duration * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        let ok = true;
        try {
          await call(i++);
        } catch {
          ok = false;
        }
        const done = performance.now();
        if (done < from || done > until) continue;
        if (ok) latencies.push(done - started);
        else errors++;
      }
    }),
  );
  return { requests: latencies.length, errors, seconds: options.duration, bytes: 0, latencies, total: i };
}

/** One call at a time: latency of the data layer alone. */
async function sequential(n: number, call: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < Math.min(10, n); i++) await call(i); // warm-up: plans, pool, caches
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await call(i);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: latencies[latencies.length - 1]! };
}

// ---------------------------------------------------------------------------------------
// Servers.

function startBaseline(file: string, port: number): ChildProcess {
  const code = `
    const http = require("node:http");
    const body = require("node:fs").readFileSync(process.argv[1]);
    http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
      res.end(body);
    }).listen(Number(process.argv[2]), "127.0.0.1", () => console.log("ready"));
  `;
  return spawn(process.execPath, ["-e", code, file, String(port)], { stdio: ["ignore", "pipe", "pipe"], detached: true });
}

/** The app's environment on the database `url`, with a secret of its own. */
function appEnv(url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
  };
}

function build(env: NodeJS.ProcessEnv): void {
  console.log("Building the app (the sources changed since the last build)…");
  for (const args of [[require.resolve("../scripts/generate.mjs")], [require.resolve("next/dist/bin/next"), "build"]]) {
    const result = spawnSync(process.execPath, args, { stdio: "inherit", env, timeout: 30 * 60_000 });
    if (result.status !== 0) throw new Error("The build failed (see above).");
  }
  recordBuild();
}

/** The app as `npm start` runs it (scripts/start.ts) on a free port, with a data folder of its
 * own (its lock, its secrets) and the database of `env`; resolves to its port and the launcher's
 * process id (Next.js runs as its child). */
async function startAppServer(env: NodeJS.ProcessEnv, name: string): Promise<{ port: number; pid: number | undefined }> {
  const port = await freePort(FORBIDDEN_PORTS);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-app-"));
  onCleanup(`${name} folder`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
  let log = "";
  const app = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/start.ts")], {
    env: {
      ...env,
      PORT: String(port),
      CLAIMBASE_DATA_DIR: dataDir,
      CLAIMBASE_DEMO: "false",
      HOST: "127.0.0.1",
      CLAIMBASE_TRUSTED_PROXIES: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const keepLog = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  app.stdout?.on("data", keepLog);
  app.stderr?.on("data", keepLog);
  onCleanup(name, () => stopChild(app, name));
  await waitForHttp(port, "/", 180_000, app, () => log);
  return { port, pid: app.pid };
}

/** How long a change takes to reach readers of another app server: for each claim, its page
 * is read on `port` (so that server holds it), then its summary changes in the database and its
 * tags are revalidated as the desk's actions do (lib/public/revalidate.ts, through the cache
 * handler of this process, which tells every server by NOTIFY), and `port` is read until the
 * new summary shows. */
async function measurePropagation(databaseUrl: string, port: number, slugs: string[]): Promise<{ median: number; max: number; rounds: number }> {
  // The handler reads DATABASE_URL when it first publishes; this process has no other use for it.
  process.env.DATABASE_URL = databaseUrl;
  const { default: Handler } = await import("../lib/cache/handler.mjs");
  const handler = new Handler();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const times: number[] = [];
  try {
    for (const slug of slugs) {
      const path = `/claims/${encodeURIComponent(slug)}`;
      await get(port, path);
      const marker = `Geändert ${randomBytes(6).toString("hex")}`;
      await client.query(`UPDATE "Claim" SET "publishedSummary" = $1 WHERE "slug" = $2`, [marker, slug]);
      const changed = performance.now();
      await handler.revalidateTag(["claims", `claim:${slug}`], { expire: 0 });
      for (;;) {
        const page = await get(port, path);
        if (page.body.includes(marker)) break;
        if (performance.now() - changed > 30_000) throw new Error(`${path} on port ${port} did not show the change within 30 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      times.push(performance.now() - changed);
    }
  } finally {
    await client.end();
  }
  times.sort((a, b) => a - b);
  console.log(`  each round (ms): ${times.map((t) => t.toFixed(0)).join(", ")}`);
  return { median: percentile(times, 0.5), max: times[times.length - 1]!, rounds: times.length };
}

// ---------------------------------------------------------------------------------------
// Main.

interface Row {
  target: string;
  result: LoadResult;
  via: "http" | "direct";
}

function printTable(rows: Row[], baseline: LoadResult | null): void {
  const base = baseline ? baseline.requests / baseline.seconds : NaN;
  // CPU ms per answer: what the server itself spent (the app's processes, or the baseline's),
  // which a busy shared machine changes far less than requests per second.
  const header = ["target", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "KB/resp", "vs baseline", "CPU ms/answer"];
  const lines = rows.map(({ target, result }) => {
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const rps = result.requests / result.seconds;
    return [
      target,
      rps.toFixed(1),
      percentile(sorted, 0.5).toFixed(1),
      percentile(sorted, 0.95).toFixed(1),
      percentile(sorted, 0.99).toFixed(1),
      String(result.errors),
      result.requests ? (result.bytes / result.requests / 1024).toFixed(1) : "–",
      Number.isFinite(base) ? `${((rps / base) * 100).toFixed(1)} %` : "–",
      result.cpuMsPerAnswer === undefined ? "–" : result.cpuMsPerAnswer.toFixed(2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), OPTIONS);
  if (options.desk && options.front === "nginx") throw new Error("--desk measures the app alone: leave out --front nginx.");
  const started = performance.now();
  guard("the benchmark", TIME_LIMIT_MS);

  console.log(
    `Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ` +
      `Node ${process.version}, ${os.type()} ${os.release()}`,
  );
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`Load average before: ${load()} (other processes on the machine skew every figure)`);
  console.log(
    `Options: --claims ${options.claims} --quotes ${options.quotes} --speakers ${options.speakers} --duration ${options.duration} ` +
      `--connections ${options.connections} --engine ${options.engine}${options.desk ? ` --desk --samples ${options.samples}` : ""}\n`,
  );

  // 1. The database.
  console.log("Database");
  let url: string;
  let engineName: string;
  /** The database server's log (--desk counts statements in it), once known. */
  let serverLog: string | null = null;
  if (options.engine === "postgres") {
    const cluster = await timed("start a throwaway PostgreSQL server", () => startPostgresCluster());
    onCleanup("PostgreSQL server", () => cluster.stop());
    url = cluster.url;
    engineName = cluster.version;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-embedded-"));
    onCleanup("embedded data folder", () => fs.rmSync(dir, { recursive: true, force: true }));
    const embedded = await timed("start the embedded PostgreSQL server", () => startEmbeddedDatabase({ dataDir: dir }));
    onCleanup("embedded PostgreSQL server", () => embedded.stop());
    url = embedded.url;
    engineName = "embedded PostgreSQL server";
    serverLog = embeddedPaths(dir).log;
  }
  await timed("apply migrations", () => applyMigrations(url));
  const prisma: Db = createPrismaClient(url, 4);
  onCleanup("Prisma client", () => prisma.$disconnect());
  if (options.engine === "embedded") {
    const [row] = await prisma.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
    engineName += ` (PostgreSQL ${row?.server_version})`;
  } else {
    // The throwaway cluster logs to server.log beside its data folder (tests/helpers/postgres-cluster.ts).
    const [row] = await prisma.$queryRaw<{ data_directory: string }[]>`SHOW data_directory`;
    if (row) serverLog = path.join(path.dirname(row.data_directory), "server.log");
  }
  await timed("bootstrap (admin, verdict scale; no demo)", () =>
    bootstrap(prisma, loadSettings({ CLAIMBASE_DEMO: "false", CLAIMBASE_ADMIN_PASSWORD: randomBytes(12).toString("hex") })),
  );

  // 2. The dataset.
  console.log("\nDataset");
  const generationStarted = performance.now();
  const deskPassword = `bench-desk-${randomBytes(12).toString("base64url")}`;
  const desk = options.desk ? { passwordHash: await hashPassword(deskPassword) } : undefined;
  await generateDataset(url, { ...options, desk });
  // The generated claims are public without an approval: frozen as an upgrade freezes such
  // claims at the start (docs/publication.md), so the pages read what they would read.
  await timed("freeze the public claims' approved versions", () => freezeMissingPublications(prisma));
  if (desk) await timed("date the freeze as of each claim's last step; ANALYZE", () => settleDeskTimes(url));
  console.log(`  ${"total".padEnd(52)} ${seconds(performance.now() - generationStarted).padStart(8)}`);
  console.log(`  ${await describeDataset(url)}`);
  if (desk) console.log(`  ${await describeDesk(url)}`);
  console.log("");

  if (options.desk) {
    // 3. The app, alone; then the desk pages.
    console.log("App");
    const env = appEnv(url);
    if (!buildIsCurrent()) await timed("build", async () => build(env));
    else console.log("  the build is current");
    const { port, pid } = await timed("npm start", () => startAppServer(env, "npm start"));
    console.log(`\nDesk pages: one request at a time, ${options.samples} per page after a warm-up of 3 (time to the whole answer)`);
    const { results, statementsNote } = await measureDesk({
      port,
      pid,
      db: prisma,
      databaseUrl: url,
      password: deskPassword,
      samples: options.samples,
      claims: options.claims,
      logFile: serverLog,
      step: timed,
    });
    console.log(`\n=== Desk (${engineName}; ${options.claims} claims, ${options.quotes} quotes, ${options.speakers} speakers) ===\n`);
    printDeskTable(results, statementsNote);
    console.log(`Load average after: ${load()}.`);
    console.log(`Total time: ${seconds(performance.now() - started)}.`);
    return;
  }

  const slugs = (
    await prisma.claim.findMany({ where: { publicState: { not: null } }, select: { slug: true } })
  ).map((c) => c.slug);
  const claimSlugs = shuffle(slugs).slice(0, 100);
  const speakerSlugs = shuffle(
    (
      await prisma.speaker.findMany({ where: { claims: { some: { publicState: { not: null } } } }, select: { slug: true } })
    ).map((s) => s.slug),
  ).slice(0, 100);
  const searchModule = await import("../lib/public/search").catch(() => null);

  // 3. The app.
  console.log("App");
  const env = appEnv(url);
  if (!buildIsCurrent()) await timed("build", async () => build(env));
  else console.log("  the build is current");
  // The app as `npm start` runs it (scripts/start.ts): migrations and bootstrap are already
  // done, so it goes straight to Next.js.
  const { port: appPort, pid: appPid } = await timed("npm start", () => startAppServer(env, "npm start"));
  const { port: second } = await timed("a second app server on the same database", () => startAppServer(env, "second app server"));
  // 4. The baseline: as many bytes as a claim page (nginx serves the same file too).
  const sample = await get(appPort, `/claims/${encodeURIComponent(claimSlugs[0]!)}`);
  if (sample.status !== 200) throw new Error(`The claim page answered ${sample.status}`);
  const baselineDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-baseline-"));
  onCleanup("baseline file", () => fs.rmSync(baselineDir, { recursive: true, force: true }));
  const baselineFile = path.join(baselineDir, "claim.html");
  fs.writeFileSync(baselineFile, sample.body);
  // nginx's workers run as nobody: the folder and the file must be readable to them.
  fs.chmodSync(baselineDir, 0o755);
  fs.chmodSync(baselineFile, 0o644);
  let front: NginxFront | null = null;
  if (options.front === "nginx") {
    front = await timed("nginx with deploy/nginx.conf in front of the first", () => startNginxFront([appPort], { staticDir: baselineDir }));
    onCleanup("nginx", () => front?.stop());
  }
  const baselinePort = await freePort(FORBIDDEN_PORTS);
  const baselineServer = startBaseline(baselineFile, baselinePort);
  onCleanup("baseline server", () => stopChild(baselineServer, "baseline server"));
  await waitForHttp(baselinePort, "/", 10_000, baselineServer, () => "");
  console.log(`  baseline: a static ${(sample.body.length / 1024).toFixed(1)} KB HTML file (a claim page's size) on 127.0.0.1:${baselinePort}`);
  const minimalPort = await freePort(FORBIDDEN_PORTS);
  const minimal = await timed("the framework's reference: a minimal Next.js app, built and started", () => startMinimalNext(minimalPort, sample.body.length));
  console.log(`  minimal Next.js app: one prerendered ${(minimal.bytes / 1024).toFixed(1)} KB page (${minimal.path}) on 127.0.0.1:${minimalPort}\n`);

  // 5. Load.
  console.log(
    `Load: ${options.connections} connections, ${WARMUP_SECONDS} s warm-up + ${options.duration} s per target (keep-alive, no compression)`,
  );
  const rows: Row[] = [];
  const measure = async (target: string, paths: string[]) => {
    const result = await timed(target, () => runLoadCounted(appPort, paths, options, appPid));
    rows.push({ target, result, via: "http" });
  };
  await measure("home page /", ["/"]);
  await measure("claim page (100 published, rotating)", claimSlugs.map((s) => `/claims/${encodeURIComponent(s)}`));
  const minimalResult = await timed(MINIMAL_TARGET, () => runLoadCounted(minimalPort, [minimal.path], options, minimal.pid));
  rows.push({ target: MINIMAL_TARGET, result: minimalResult, via: "http" });
  await measure("speaker page (100 claimants, rotating)", speakerSlugs.map((s) => `/speakers/${encodeURIComponent(s)}`));
  const searchPaths = SEARCH_TERMS.map((t) => `/search?q=${encodeURIComponent(t)}`);
  const searchPage = await get(appPort, searchPaths[0]!).catch(() => ({ status: 0 }));
  if (searchPage.status === 200) await measure("search page /search?q=… (30 terms)", searchPaths);
  else if (searchModule) {
    console.log(`  (/search answers ${searchPage.status}: measuring searchPublic directly instead)`);
    const result = await timed("searchPublic direct, no HTTP (30 terms)", () =>
      runDirect((i) => searchModule.searchPublic({ q: SEARCH_TERMS[i % SEARCH_TERMS.length] }, prisma), options),
    );
    rows.push({ target: "searchPublic direct, no HTTP (30 terms)", result, via: "direct" });
  } else console.log("  (no /search page and no lib/public/search.ts: search not measured)");
  if (front) {
    const nginxPort = front.port;
    const through = async (target: string, paths: string[]) => {
      const result = await timed(target, () => runLoad(nginxPort, paths, options));
      rows.push({ target, result, via: "http" });
    };
    await through("nginx: claim page (same 100)", claimSlugs.map((s) => `/claims/${encodeURIComponent(s)}`));
    await through("nginx: speaker page (same 100)", speakerSlugs.map((s) => `/speakers/${encodeURIComponent(s)}`));
    await through("nginx: search page (30 terms)", searchPaths);
    // What nginx does with a file of its own, without the cache: the ceiling of the rows above.
    await through("nginx: the baseline's file, from disk", [`${NGINX_STATIC_PATH}claim.html`]);
  }
  const baselineResult = await timed("baseline: static file, node:http", () => runLoadCounted(baselinePort, ["/"], options, baselineServer.pid));
  rows.push({ target: "baseline: static file, node:http", result: baselineResult, via: "http" });

  // 6. The data layer alone, one call at a time.
  console.log("\nData layer, one call at a time (200 calls each, lib/public called directly, no cache)");
  const direct: [string, { p50: number; p95: number; max: number }][] = [];
  direct.push(["listPublishedClaims page 1", await sequential(200, () => listPublishedClaims({ page: 1, pageSize: 20 }, prisma))]);
  direct.push(["getPublicClaim", await sequential(200, (i) => getPublicClaim(claimSlugs[i % claimSlugs.length]!, prisma))]);
  direct.push(["getPublicSpeaker", await sequential(200, (i) => getPublicSpeaker(speakerSlugs[i % speakerSlugs.length]!, { limit: 50 }, prisma))]);
  // The first page of the other lists, public and desk (issue 15: independent of the archive's size).
  const topicSlugs = (await prisma.topic.findMany({ select: { slug: true }, take: 30 })).map((t) => t.slug);
  if (topicSlugs.length) direct.push(["getPublicTopic page 1", await sequential(200, (i) => getPublicTopic(topicSlugs[i % topicSlugs.length]!, { page: 1 }, prisma))]);
  direct.push(["listPublicCorrections page 1", await sequential(200, () => listPublicCorrections({ page: 1 }, prisma))]);
  const viewer = { id: "bench-viewer", role: "reviewer" as const };
  direct.push(["desk: listClaims page 1", await sequential(200, () => listClaims(claimListQuery({}), viewer, prisma))]);
  direct.push(["desk: listQuotes page 1", await sequential(200, () => listQuotes({ page: 1 }, prisma))]);
  direct.push(["desk: listSources page 1", await sequential(200, () => listSources({ page: 1 }, prisma))]);
  direct.push(["desk: reviewQueuePage 1", await sequential(200, () => reviewQueuePage(viewer, 1, prisma))]);
  const perTerm = new Map<string, number[]>();
  if (searchModule) {
    direct.push([
      "searchPublic (30 terms)",
      await sequential(200, async (i) => {
        const term = SEARCH_TERMS[i % SEARCH_TERMS.length]!;
        const t0 = performance.now();
        await searchModule.searchPublic({ q: term }, prisma);
        perTerm.set(term, [...(perTerm.get(term) ?? []), performance.now() - t0]);
      }),
    ]);
  }

  // 7. A change made through one app server, read on the other.
  console.log("\nA change on one app server, read on the second one (10 rounds)");
  const propagation = await measurePropagation(url, second, claimSlugs.slice(0, 10));

  // Report.
  console.log(`\n=== Results (${engineName}; ${options.claims} claims, ${options.quotes} quotes, ${options.speakers} speakers) ===\n`);
  printTable(rows, baselineResult);
  console.log("");
  console.log("| data layer (sequential) | p50 ms | p95 ms | max ms |");
  console.log("|---|---:|---:|---:|");
  for (const [name, r] of direct) console.log(`| ${name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`);
  const claimRow = rows.find((r) => r.target.startsWith("claim page"));
  if (claimRow) {
    const ratio = claimRow.result.requests / claimRow.result.seconds / (baselineResult.requests / baselineResult.seconds);
    console.log(`\nClaim page throughput: ${(ratio * 100).toFixed(1)} % of the baseline (target, Next.js alone: at least 10 %).`);
    const app = claimRow.result.cpuMsPerAnswer;
    const base = baselineResult.cpuMsPerAnswer;
    if (app && base) console.log(`Claim page by CPU time per answer: ${((base / app) * 100).toFixed(1)} % of the baseline (${app.toFixed(2)} ms against ${base.toFixed(2)} ms).`);
    const rate = (r: LoadResult) => r.requests / r.seconds;
    console.log(
      `  The framework's reference, a minimal Next.js app serving one page of the same size: ${((rate(minimalResult) / rate(baselineResult)) * 100).toFixed(1)} % of the baseline; ` +
        `the claim page ${((rate(claimRow.result) / rate(minimalResult)) * 100).toFixed(1)} % of its rate.`,
    );
  }
  const search = direct.find(([name]) => name.startsWith("searchPublic"));
  if (search) {
    console.log(`searchPublic p95: ${search[1].p95.toFixed(1)} ms (target at 1M quotes, issue 15: under 50 ms).`);
    const slowest = [...perTerm]
      .map(([term, ms]) => [term, [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6);
    console.log(`Slowest search terms (median ms): ${slowest.map(([t, ms]) => `"${t}" ${ms.toFixed(0)}`).join(", ")}.`);
  }
  const nginxClaim = rows.find((r) => r.target.startsWith("nginx: claim page"));
  if (nginxClaim) {
    const ratio = nginxClaim.result.requests / nginxClaim.result.seconds / (baselineResult.requests / baselineResult.seconds);
    console.log(`Claim page behind nginx: ${(ratio * 100).toFixed(1)} % of the baseline (target: at least 100 %).`);
    const nginxFile = rows.find((r) => r.target.startsWith("nginx: the baseline's file"));
    if (nginxFile) {
      const rate = (r: LoadResult) => r.requests / r.seconds;
      const ceiling = rate(nginxFile.result) / rate(baselineResult);
      const ofCeiling = rate(nginxClaim.result) / rate(nginxFile.result);
      console.log(`  nginx serving the baseline's file from disk: ${(ceiling * 100).toFixed(1)} % of the baseline; the cached claim page ${(ofCeiling * 100).toFixed(1)} % of that.`);
    }
  }
  const searchRow = rows.find((r) => r.target.startsWith("search page"));
  if (searchRow) {
    const sorted = [...searchRow.result.latencies].sort((a, b) => a - b);
    console.log(`Search page p95 at ${options.connections} connections: ${percentile(sorted, 0.95).toFixed(0)} ms (target: under 150 ms).`);
  }
  console.log(
    `A change visible on the second app server after: median ${propagation.median.toFixed(0)} ms, max ${propagation.max.toFixed(0)} ms ` +
      `over ${propagation.rounds} rounds (target: within 2 s).`,
  );
  console.log(`Load average after: ${load()}.`);
  console.log(`Total time: ${seconds(performance.now() - started)}.`);
  if (options.report) {
    const figures: ScaleFigures = {
      quotes: options.quotes,
      pages: rows.map((r) => ({ target: r.target, reqPerSec: r.result.requests / r.result.seconds, p95: percentile([...r.result.latencies].sort((a, b) => a - b), 0.95) })),
      direct: direct.map(([name, r]) => ({ name, p50: r.p50, p95: r.p95 })),
    };
    fs.writeFileSync(options.report, JSON.stringify(figures));
  }
}

// ---------------------------------------------------------------------------------------
// --scale: the same benchmark at three sizes, each in a process of its own (a fresh database,
// the memory of one size given back before the next), then how each figure grows.

interface ScaleFigures {
  quotes: number;
  pages: { target: string; reqPerSec: number; p95: number }[];
  direct: { name: string; p50: number; p95: number }[];
}

const SCALE_QUOTES = [50_000, 200_000, 1_000_000];

async function scaleMain(options: Options): Promise<void> {
  const results: ScaleFigures[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimbase-bench-scale-"));
  onCleanup("scale reports", () => fs.rmSync(dir, { recursive: true, force: true }));
  for (const quotes of SCALE_QUOTES) {
    const report = path.join(dir, `${quotes}.json`);
    const args = [
      "--import", "tsx", fileURLToPath(import.meta.url),
      "--quotes", String(quotes), "--claims", String(quotes / 5), "--speakers", String(quotes / 100),
      "--duration", String(options.duration), "--connections", String(options.connections), "--engine", options.engine,
      "--report", report,
    ];
    console.log(`\n##### ${quotes.toLocaleString("en")} quotes, ${(quotes / 5).toLocaleString("en")} claims, ${(quotes / 100).toLocaleString("en")} speakers\n`);
    const child = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
    onCleanup(`benchmark at ${quotes} quotes`, () => stopChild(child, `benchmark at ${quotes} quotes`));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`The benchmark at ${quotes} quotes failed (exit ${code}); the sizes before it are above.`);
    results.push(JSON.parse(fs.readFileSync(report, "utf8")) as ScaleFigures);
  }
  console.log(scaleTable(results));
}

/** How a figure grows per 4× data: the ratio between two sizes, brought to a factor of 4. */
export function growthPer4x(before: number, after: number, factor: number): number {
  return Math.pow(after / before, Math.log(4) / Math.log(factor));
}

/** The growth table of --scale: each figure at each size, and its growth per 4× data. */
export function scaleTable(results: ScaleFigures[]): string {
  const sizes = results.map((r) => `${r.quotes >= 1_000_000 ? `${r.quotes / 1_000_000}M` : `${r.quotes / 1000}k`} quotes`);
  const steps = results.slice(1).map((r, i) => `×4 growth ${sizes[i]!.split(" ")[0]}→${sizes[i + 1]!.split(" ")[0]}`);
  const lines = [`\n=== Growth (${sizes.join(", ")}) ===\n`, `| figure | ${sizes.join(" | ")} | ${steps.join(" | ")} |`, `|---|${sizes.map(() => "---:").join("|")}|${steps.map(() => "---:").join("|")}|`];
  const row = (name: string, values: (number | undefined)[], digits: number) => {
    const growth = values.slice(1).map((v, i) => {
      const before = values[i];
      return v === undefined || before === undefined || before === 0 ? "–" : growthPer4x(before, v, results[i + 1]!.quotes / results[i]!.quotes).toFixed(2);
    });
    lines.push(`| ${name} | ${values.map((v) => (v === undefined ? "–" : v.toFixed(digits))).join(" | ")} | ${growth.join(" | ")} |`);
  };
  for (const target of results[0]?.pages.map((p) => p.target) ?? []) {
    row(`${target}: req/s`, results.map((r) => r.pages.find((p) => p.target === target)?.reqPerSec), 1);
    row(`${target}: p95 ms`, results.map((r) => r.pages.find((p) => p.target === target)?.p95), 1);
  }
  for (const name of results[0]?.direct.map((d) => d.name) ?? []) {
    row(`${name}: p50 ms`, results.map((r) => r.direct.find((d) => d.name === name)?.p50), 1);
    row(`${name}: p95 ms`, results.map((r) => r.direct.find((d) => d.name === name)?.p95), 1);
  }
  lines.push("", "Growth per 4× data: 1.00 is a figure independent of the archive's size, 4.00 one that grows with it (a ratio between two sizes, brought to a factor of 4).");
  return lines.join("\n");
}

// Run as a script (npm run bench:public); importing the module (generateDataset) runs nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const run = process.argv.includes("--scale") ? () => scaleMain(parseOptions(process.argv.slice(2), OPTIONS)) : main;
  run().then(
    () => cleanUp().then(() => process.exit(0)),
    (error: unknown) => {
      // After Ctrl-C the servers are going away under the running step: that is no news.
      if (stopping()) return;
      console.error(error instanceof Error ? error.message : error);
      return cleanUp().then(() => process.exit(1));
    },
  );
}
