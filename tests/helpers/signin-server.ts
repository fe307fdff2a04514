// A plain HTTP server that runs the sign-in's credentials check (lib/auth/credentials.ts) on the
// request it gets, started by tests/integration/rate-limit.test.ts the way npm start starts
// Next.js: with the preload scripts/trusted-proxies.cjs, which decides what X-Forwarded-For the
// check sees. POST a JSON body {email, password}; the answer says what the check decided and
// which client address it counted. Needs DATABASE_URL; prints its port when it listens.
import http from "node:http";
import { authorizeCredentials, SignInBlockedError } from "../../lib/auth/credentials";
import { clientIp } from "../../lib/auth/rate-limit";

const server = http.createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const request = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers });
    const answer = (data: object) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ...data, ip: clientIp(headers) }));
    };
    authorizeCredentials(JSON.parse(body) as unknown, request).then(
      (user) => answer({ outcome: user ? "signed_in" : "refused" }),
      (error: unknown) => {
        if (error instanceof SignInBlockedError) answer({ outcome: "blocked" });
        else {
          res.statusCode = 500;
          answer({ outcome: "error", message: String(error) });
        }
      },
    );
  });
});
server.listen(0, "127.0.0.1", () => console.log((server.address() as { port: number }).port));
