import { EmailPreferences } from "@/components/email/email-preferences";
import { Card } from "@/components/ui/card";
import type { Access } from "@/lib/domains/access/resolve-access";
import { getEmailOptOuts } from "@/lib/domains/email/email-preferences";

/** The profile page's email section (its own card). */
export async function EmailPreferencesCard({ access }: { access: Access }) {
  const optOuts = await getEmailOptOuts(access.userId);
  return (
    <Card>
      <EmailPreferences optOuts={optOuts} isAdmin={access.role === "ADMIN"} />
    </Card>
  );
}
