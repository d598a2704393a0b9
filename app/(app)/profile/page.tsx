import type { Metadata } from "next";
import { ProfileForm } from "@/components/people/profile-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageAccess } from "@/lib/access/require-page-access";
import { getProfile } from "@/lib/people/update-profile";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const access = await requirePageAccess("profile:update");
  const profile = await getProfile(access);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title="Your profile"
        description={`How you appear to colleagues at ${access.org.name}, and what your page shows. Signed in as ${profile.email}.`}
      />
      <Card>
        <ProfileForm profile={profile} />
      </Card>
    </div>
  );
}
