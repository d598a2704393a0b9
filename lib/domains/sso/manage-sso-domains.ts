import { randomBytes } from "node:crypto";
import { resolveTxt } from "node:dns/promises";
import { z } from "zod";
import { db } from "@/lib/core/db/client";
import { createId } from "@/lib/core/db/create-id";
import { isUniqueViolation } from "@/lib/core/db/is-unique-violation";
import { env } from "@/lib/core/env";
import { badRequest, conflict, notFound } from "@/lib/core/errors/app-error";
import { recordAudit } from "@/lib/domains/audit/record-audit";

export const addSsoDomainSchema = z
  .object({
    domain: z
      .string()
      .trim()
      .toLowerCase()
      .max(253)
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        "Enter a domain such as example.com",
      ),
  })
  .strict();

export const verifySsoDomainSchema = z
  .object({ method: z.enum(["dns", "admin"]).default("dns") })
  .strict();

export async function addSsoDomain(orgId: string, actorId: string, domain: string) {
  const count = await db.orgSsoDomain.count({ where: { orgId } });
  if (count >= 50) throw badRequest("An organisation can claim at most 50 domains.");
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.orgSsoDomain.create({
        data: {
          id: createId("ssod"),
          orgId,
          domain,
          verificationToken: randomBytes(18).toString("base64url"),
        },
        select: { id: true, domain: true },
      });
      await recordAudit(tx, {
        orgId,
        actorId,
        action: "sso.domain_add",
        targetType: "domain",
        targetId: row.id,
        metadata: { domain },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`${domain} is already in the list.`);
    throw error;
  }
}

/** TXT records of `_chorus-verification.<domain>` (node:dns; replaceable in tests). */
export type TxtLookup = (name: string) => Promise<string[][]>;

export async function txtRecordProves(
  domain: string,
  token: string,
  lookup: TxtLookup = resolveTxt,
): Promise<boolean> {
  try {
    const records = await lookup(`_chorus-verification.${domain}`);
    return records.some((chunks) => chunks.join("") === `chorus-verification=${token}`);
  } catch {
    return false;
  }
}

/**
 * Verifies a claimed domain: by its DNS TXT record, or — only where SSO_ADMIN_DOMAIN_VERIFICATION
 * is on (development, tests) — on the admin's word. A domain is verified by one organisation at most.
 */
export async function verifySsoDomain(
  orgId: string,
  actorId: string,
  domainId: string,
  method: "dns" | "admin",
  lookup?: TxtLookup,
) {
  const row = await db.orgSsoDomain.findFirst({ where: { id: domainId, orgId } });
  if (!row) throw notFound("That domain");
  if (row.verifiedAt) return { id: row.id, verified: true };
  if (method === "admin") {
    if (!env().SSO_ADMIN_DOMAIN_VERIFICATION) {
      throw badRequest("Domains are verified by their DNS TXT record here.");
    }
  } else if (!(await txtRecordProves(row.domain, row.verificationToken, lookup))) {
    throw badRequest(
      `The TXT record _chorus-verification.${row.domain} was not found (or has another value). DNS changes can take a while; try again later.`,
    );
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.orgSsoDomain.update({
        where: { id: row.id },
        data: { verifiedAt: new Date(), verifiedBy: method },
      });
      await recordAudit(tx, {
        orgId,
        actorId,
        action: "sso.domain_verify",
        targetType: "domain",
        targetId: row.id,
        metadata: { domain: row.domain, method },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`${row.domain} is already verified by another organisation.`);
    }
    throw error;
  }
  return { id: row.id, verified: true };
}

export async function removeSsoDomain(orgId: string, actorId: string, domainId: string) {
  await db.$transaction(async (tx) => {
    const removed = await tx.orgSsoDomain.deleteMany({ where: { id: domainId, orgId } });
    if (removed.count === 0) throw notFound("That domain");
    await recordAudit(tx, {
      orgId,
      actorId,
      action: "sso.domain_remove",
      targetType: "domain",
      targetId: domainId,
    });
  });
}
