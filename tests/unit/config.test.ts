import { describe, expect, it } from "vitest";
import { loadSettings, publicUrlOf, SettingsError } from "../../lib/config";
import { siteOrigin } from "../../lib/site";

describe("settings from the environment", () => {
  it("has working defaults for a fresh install", () => {
    const s = loadSettings({});
    expect(s).toMatchObject({
      PORT: 3000,
      CLAIMBASE_DATA_DIR: "./.data",
      CLAIMBASE_ADMIN_EMAIL: "admin@claimbase.local",
      CLAIMBASE_DEMO: true,
    });
    expect(s.HOST).toBeUndefined();
    expect(s.DATABASE_URL).toBeUndefined();
    expect(s.AUTH_SECRET).toBeUndefined();
  });

  it("reads every variable", () => {
    const s = loadSettings({
      PORT: "8080",
      DATABASE_URL: "postgresql://u:p@db:5432/claimbase",
      CLAIMBASE_DATA_DIR: "/var/lib/claimbase",
      AUTH_SECRET: "x".repeat(40),
      CLAIMBASE_ADMIN_EMAIL: "chef@example.org",
      CLAIMBASE_ADMIN_PASSWORD: "a-long-password",
      CLAIMBASE_DEMO: "false",
      HOST: "127.0.0.1",
    });
    expect(s).toMatchObject({
      PORT: 8080,
      DATABASE_URL: "postgresql://u:p@db:5432/claimbase",
      CLAIMBASE_DEMO: false,
      HOST: "127.0.0.1",
    });
  });

  it("names each bad variable, the value and what is expected, and hides secrets", () => {
    let error: unknown;
    try {
      loadSettings({ PORT: "abc", DATABASE_URL: "mysql://x", CLAIMBASE_DEMO: "maybe", CLAIMBASE_ADMIN_PASSWORD: "short", AUTH_SECRET: "tiny", CLAIMBASE_DEMO_PASSWORD: "brief" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="abc": expected a port number');
    expect(message).toContain('DATABASE_URL="mysql://x": expected a postgresql:// connection URL');
    expect(message).toContain('CLAIMBASE_DEMO="maybe"');
    expect(message).toContain("CLAIMBASE_ADMIN_PASSWORD=(hidden): expected at least 12 characters");
    expect(message).toContain("AUTH_SECRET=(hidden)");
    expect(message).toContain("CLAIMBASE_DEMO_PASSWORD=(hidden): expected at least 12 characters");
    expect(message).not.toContain("brief");
    expect(message).not.toContain("short");
    expect(message).not.toContain("tiny");
  });

  it("refuses a host with a scheme", () => {
    expect(() => loadSettings({ HOST: "http://localhost" })).toThrow(/HOST="http:\/\/localhost": expected a host name or an IP address/);
  });

  it("refuses a port out of range", () => {
    expect(() => loadSettings({ PORT: "70000" })).toThrow(/PORT="70000": expected a port number between 1 and 65535/);
  });

  it("takes the public URL as an origin, defaults it to localhost and the port, and refuses anything else", () => {
    expect(publicUrlOf(loadSettings({}))).toBe("http://localhost:3000");
    expect(publicUrlOf(loadSettings({ PORT: "8080" }))).toBe("http://localhost:8080");
    expect(publicUrlOf(loadSettings({ CLAIMBASE_PUBLIC_URL: "https://Faktencheck.Example/" }))).toBe("https://faktencheck.example");
    expect(publicUrlOf(loadSettings({ CLAIMBASE_PUBLIC_URL: "https://faktencheck.example:8443" }))).toBe("https://faktencheck.example:8443");
    for (const bad of ["faktencheck.example", "ftp://faktencheck.example", "https://faktencheck.example/pruefung", "https://a:b@faktencheck.example", "https://x.example/?q=1"]) {
      expect(() => loadSettings({ CLAIMBASE_PUBLIC_URL: bad }), bad).toThrow(/CLAIMBASE_PUBLIC_URL=.*expected the site's address without a path/);
    }
  });

  it("gives every absolute URL of the app process the configured origin (lib/site)", () => {
    expect(siteOrigin({ CLAIMBASE_PUBLIC_URL: "https://faktencheck.example" })).toBe("https://faktencheck.example");
    expect(siteOrigin({ PORT: "3999" })).toBe("http://localhost:3999");
    expect(siteOrigin({})).toBe("http://localhost:3000");
  });
});
