import { chromium } from "@playwright/test";
import fs from "node:fs";
const css = fs.readFileSync("app/globals.css", "utf8") + fs.readFileSync("app/(desk)/admin/editorial.css", "utf8");
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
const p = await b.newPage({ locale: "de-DE" });
await p.setContent(`<style>${css}</style><main><form><a href="#">x</a><div class="field"><label for="d">Geäußert am</label><input type="date" id="d" name="claimDate" value=""></div><input type="text"></form></main>`);
await p.keyboard.press("Tab"); await p.keyboard.press("Tab");
console.log(await p.evaluate(() => { const el = document.activeElement; const s = getComputedStyle(el); return { tag: el.tagName, type: el.type, os: s.outlineStyle, ow: s.outlineWidth, bs: s.boxShadow, fv: el.matches(":focus-visible"), f: el.matches(":focus") }; }));
await b.close();
