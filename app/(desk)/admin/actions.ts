"use server";
// Signing out, made with defineAction like every action (it checks the session; an anonymous
// call gets "Bitte melden Sie sich an." instead of a redirect). signOut() ends the session
// cookie and redirects to the home page by throwing, after the form state is decided.
import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import { defineAction } from "@/lib/actions/define";

export const signOutAction = defineAction({
  name: "signOut",
  permission: "account.manage",
  schema: z.object({}),
  run: async () => ({ message: "Abgemeldet." }),
  after: async () => {
    await signOut({ redirectTo: "/" });
  },
});
