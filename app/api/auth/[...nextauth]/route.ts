// Auth.js endpoints (session, CSRF, callbacks, sign-out).
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
