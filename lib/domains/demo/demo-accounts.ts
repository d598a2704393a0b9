/** The demo organisation's sign-in accounts, shared by the seed, the start banner and the sign-in page. */
export const DEMO_ORG_SLUG = "fernhill-energy";
export const DEMO_PASSWORD = "chorus-demo-2026";
export const DEMO_ACCOUNTS = [
  { role: "ADMIN", email: "admin@fernhill.example", name: "Amara Okafor" },
  { role: "MANAGER", email: "manager@fernhill.example", name: "Jonas Weber" },
  { role: "EMPLOYEE", email: "employee@fernhill.example", name: "Sofia Lindqvist" },
] as const;
