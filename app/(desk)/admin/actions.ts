"use server";
// Signing out, made with defineAction like every action (it checks the session; an anonymous
// call gets "please sign in" (msg.error.unauthenticated) instead of a redirect). The session ends on the server
// (its UserSession row is revoked, lib/auth/sessions.ts), then signOut() clears the cookie and
// redirects to the home page by throwing, after the form state is decided. "Sign out
// everywhere" revokes every session of the account, this one included.
import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import { defineAction } from "@/lib/actions/define";
import { requestIp } from "@/lib/actions/request-ip";
import { getSessionAccount } from "@/lib/auth/session";
import { signOutEverywhere, signOutHere } from "@/lib/auth/sessions";
import { msg } from "@/lib/messages";

export const signOutAction = defineAction({
  name: "signOut",
  permission: "account.manage",
  schema: z.object({}),
  beforeSecondFactor: true,
  run: async () => {
    await signOutHere((await getSessionAccount())?.sessionId);
    return { message: msg("sessions.signedOut") };
  },
  after: async () => {
    await signOut({ redirectTo: "/" });
  },
});

export const signOutEverywhereAction = defineAction({
  name: "signOutEverywhere",
  permission: "account.manage",
  schema: z.object({}),
  beforeSecondFactor: true,
  run: async (actor) => {
    await signOutEverywhere(actor, { ip: await requestIp() });
    return { message: msg("sessions.signedOutEverywhere") };
  },
  after: async () => {
    await signOut({ redirectTo: "/signin" });
  },
});
