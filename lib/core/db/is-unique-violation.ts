/** Whether a Prisma error is a unique-constraint violation (P2002), e.g. a duplicate email or slug. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
