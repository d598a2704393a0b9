import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoWeek } from "@/lib/domains/digests/queue-weekly-digests";
import { approvalRequestEmail } from "@/lib/integrations/email/templates/approval-request";
import { digestEmail } from "@/lib/integrations/email/templates/digest";
import { invitationEmail } from "@/lib/integrations/email/templates/invitation";
import { esc, FOOTER_MARKER } from "@/lib/integrations/email/templates/layout";
import { shareResultEmail } from "@/lib/integrations/email/templates/share-result";
import type { Digest } from "@/lib/domains/digests/build-digest";
import {
  createUnsubscribeToken,
  verifyUnsubscribeToken,
} from "@/lib/domains/email/unsubscribe-token";
import { isEmailCategory, isOptionalCategory } from "@/lib/domains/email/categories";

const EVIL = `<script>alert("x")</script> & 'quotes'`;
const previousSecret = process.env.AUTH_SECRET;

beforeAll(() => {
  // env() reads lazily: the unit run signs with this secret.
  process.env.AUTH_SECRET = "unit-tests-secret-0123456789abcdefghijklmnop";
});
afterAll(() => {
  if (previousSecret === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = previousSecret;
});

function expectEscaped(html: string) {
  expect(html).not.toContain("<script>");
  expect(html).toContain(
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;",
  );
}

describe("email templates", () => {
  it("escape user input in HTML and keep it readable in text", () => {
    const share = shareResultEmail({
      recipientName: EVIL,
      itemTitle: EVIL,
      status: "failed",
      error: EVIL,
      activityUrl: "https://app.example/activity",
    });
    expectEscaped(share.html);
    expect(share.text).toContain(`Your post "${EVIL}" could not be posted`);
    expect(share.html).toContain(FOOTER_MARKER);

    const invite = invitationEmail({
      orgName: EVIL,
      inviterName: "Ada",
      inviteeName: null,
      role: "MANAGER",
      url: 'https://app.example/invite/abc"onmouseover="x',
      expiresAt: new Date("2026-12-03T20:00:00Z"),
      dates: { locale: "en-GB", timeZone: "Pacific/Auckland" },
    });
    expectEscaped(invite.html);
    expect(invite.html).toContain('href="https://app.example/invite/abc&quot;onmouseover=&quot;x"');
    expect(invite.text).toContain("as a manager");
    // On the organisation's clock: already the 4th in Auckland (UTC+13), not "Thu, 03 Dec 2026".
    expect(invite.text).toContain(
      "The link works until 4 Dec 2026, 09:00 (Pacific/Auckland time).",
    );

    const approval = approvalRequestEmail({
      recipientName: "Bo",
      submitterName: "Ada",
      itemTitle: EVIL,
      orgName: "Fernhill",
      comment: EVIL,
      reviewUrl: "https://app.example/studio/cnt_1",
    });
    expectEscaped(approval.html);
    expect(approval.subject).toBe(`Review requested: ${EVIL}`);
  });

  it("subjects never carry line breaks", () => {
    const share = shareResultEmail({
      recipientName: "A",
      itemTitle: "Line one\r\nBcc: victim@example.com",
      status: "posted",
      postUrl: "https://www.linkedin.com/feed/update/urn:li:share:1",
      activityUrl: "https://app.example/activity",
    });
    expect(share.subject).toBe("Posted: Line one Bcc: victim@example.com");
    expect(share.text).toContain("See it on LinkedIn: https://www.linkedin.com/feed/update/");
  });

  it("the digest leads with my impact, then lists items, the clicks figure and the nudge", () => {
    const item = (n: number) => ({
      id: `cnt_${n}`,
      title: `Item ${n} <b>`,
      valueType: "EDUCATION" as const,
      valueTypeLabel: "Education",
      liveSince: new Date(),
      url: `https://app.example/share/cnt_${n}`,
    });
    const digest: Digest = {
      orgId: "org_1",
      orgName: "Fernhill",
      membershipId: "mem_1",
      userId: "usr_1",
      name: "Sofia",
      email: "s@example.com",
      from: new Date(),
      to: new Date(),
      impact: {
        visits: 321,
        clicks: 1234,
        reach: 4000,
        reachIsEstimate: true,
        outcomes: 3,
        outcomesText: "2 applicants, 1 hire",
        best: { title: "Graduate programme <i>", visits: 120 },
        milestones: ["Your post about “Graduate programme” brought its first applicant"],
      },
      newItems: [1, 2, 3, 4, 5].map(item),
      newItemCount: 7,
      sharesLastWeek: 1,
      clicksLastWeek: 1234,
      nudge: {
        valueType: "ENTERTAINMENT",
        label: "Entertainment",
        message: "You haven't shared anything fun in the last 30 days",
        item: item(9),
      },
      feedUrl: "https://app.example/feed",
      activityUrl: "https://app.example/activity",
    };
    const email = digestEmail(digest);
    expect(email.subject).toBe("Your week: 321 visits · 7 new posts to share");
    // Impact first: the figures come before the new posts.
    const impactAt = email.text.indexOf("Your impact this week:");
    expect(impactAt).toBeGreaterThan(0);
    expect(impactAt).toBeLessThan(email.text.indexOf("New for you this week"));
    expect(email.text).toContain(
      "Your links brought 321 visits (1,234 clicks) this week; the posts you shared reached an estimated 4,000 people.",
    );
    expect(email.text).toContain("Outcomes from your shares: 2 applicants, 1 hire.");
    expect(email.text).toContain("Best share: Graduate programme <i> (120 visits).");
    expect(email.text).toContain(
      "★ Your post about “Graduate programme” brought its first applicant",
    );
    expect(email.html).toContain("Graduate programme &lt;i&gt;");
    expect(email.html.indexOf("Your impact this week")).toBeLessThan(
      email.html.indexOf("New for you this week"),
    );
    expect(email.text).toContain("- Item 1 <b> (Education): https://app.example/share/cnt_1");
    expect(email.text).toContain("…and 2 more: https://app.example/feed");
    expect(email.text).toContain("Last week you shared 1 post and your links got 1,234 clicks.");
    expect(email.text).toContain("Idea: You haven't shared anything fun in the last 30 days.");
    expect(email.html).toContain("Item 1 &lt;b&gt;");
    expect(email.html).toContain("You haven&#39;t shared anything fun");
    const empty = digestEmail({ ...digest, newItems: [], newItemCount: 0, nudge: null });
    expect(empty.text).toContain("Nothing new for you this week.");
    expect(empty.text).not.toContain("Idea:");
  });
});

describe("unsubscribe tokens", () => {
  it("verify only untampered tokens of optional categories", () => {
    const token = createUnsubscribeToken("usr_abc", "digest");
    expect(verifyUnsubscribeToken(token)).toEqual({ userId: "usr_abc", category: "digest" });
    expect(verifyUnsubscribeToken(token.replace("usr_abc", "usr_abd"))).toBeNull();
    expect(verifyUnsubscribeToken(token.replace(".digest.", ".approvals."))).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken("usr_abc.invitation.x")).toBeNull();
    expect(verifyUnsubscribeToken("")).toBeNull();
  });

  it("categories: invitations are transactional", () => {
    expect(isOptionalCategory("digest")).toBe(true);
    expect(isOptionalCategory("invitation")).toBe(false);
    expect(isEmailCategory("invitation")).toBe(true);
    expect(isEmailCategory("spam")).toBe(false);
    expect(esc("a&b")).toBe("a&amp;b");
  });
});

describe("isoWeek", () => {
  it("numbers weeks as ISO 8601 does, across year ends", () => {
    expect(isoWeek(new Date("2026-11-30T07:00:00Z"))).toBe("2026-W49");
    expect(isoWeek(new Date("2026-11-29T23:59:00Z"))).toBe("2026-W48");
    expect(isoWeek(new Date("2027-01-01T07:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2025-12-29T07:00:00Z"))).toBe("2026-W01");
  });
});
