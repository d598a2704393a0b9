import { db, type Tx } from "@/lib/core/db/client";

export interface OrgSettingsView {
  requireApproval: boolean;
  disclosureText: string | null;
  blockedPhrases: string[];
  requiredHashtags: string[];
  maxSharesPerDay: number | null;
  minAuthenticity: number | null;
  utmSource: string;
  utmMedium: string;
}

export const DEFAULT_SETTINGS: OrgSettingsView = {
  requireApproval: false,
  disclosureText: null,
  blockedPhrases: [],
  requiredHashtags: [],
  maxSharesPerDay: null,
  minAuthenticity: null,
  utmSource: "linkedin",
  utmMedium: "employee_advocacy",
};

/** An organisation's governance settings (defaults until an admin saves some). */
export async function getOrgSettings(orgId: string, tx: Tx = db): Promise<OrgSettingsView> {
  const row = await tx.orgSettings.findUnique({
    where: { orgId },
    select: {
      requireApproval: true,
      disclosureText: true,
      blockedPhrases: true,
      requiredHashtags: true,
      maxSharesPerDay: true,
      minAuthenticity: true,
      utmSource: true,
      utmMedium: true,
    },
  });
  return row ?? DEFAULT_SETTINGS;
}
