// Newsroom settings kept in the Setting table. Defaults are written on first start.
export const DEFAULT_SETTINGS = {
  // The publishing organisation: ClaimReview `author`.
  "organization.name": "Claimbase Faktencheck",
  "organization.url": "http://localhost:3000",
  // Two-factor sign-in mandatory for admins and editors (lib/auth/two-factor.ts); admins
  // switch it on /admin/users.
  "security.requireTwoFactor": false,
} as const;

export type SettingKey = keyof typeof DEFAULT_SETTINGS;
