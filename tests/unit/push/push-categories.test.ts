import { describe, expect, it } from "vitest";
import { CONTENT_PUBLISHED } from "@/lib/domains/content/announce-content";
import { APPROVAL_REQUESTED } from "@/lib/domains/content/notify-approval-request";
import { CONTENT_NEW_FOR_YOU } from "@/lib/domains/content/notify-new-for-you";
import { MILESTONE_KIND_PREFIX } from "@/lib/domains/milestones/milestones";
import { isPushWanted, pushCategoryOf, pushPath } from "@/lib/domains/push/push-categories";

describe("pushCategoryOf", () => {
  it("maps the bell's kinds (as their modules name them) to push categories", () => {
    expect(pushCategoryOf(CONTENT_NEW_FOR_YOU)).toBe("new-content");
    expect(pushCategoryOf(CONTENT_PUBLISHED)).toBe("new-content");
    expect(pushCategoryOf(`${MILESTONE_KIND_PREFIX}first-visit`)).toBe("milestones");
    expect(pushCategoryOf("badge.earned")).toBe("milestones");
    expect(pushCategoryOf("campaign.started")).toBe("campaigns");
    expect(pushCategoryOf(APPROVAL_REQUESTED)).toBe("approvals");
    expect(pushCategoryOf("share.reminder")).toBe("reminders");
  });

  it("leaves the others in the bell", () => {
    for (const kind of ["share.posted", "share.failed", "linkedin.expiring", "linkedin.version"]) {
      expect(pushCategoryOf(kind)).toBeNull();
    }
  });
});

describe("isPushWanted", () => {
  const off = {
    pushNewContent: false,
    pushMilestones: false,
    pushCampaigns: false,
    pushApprovals: false,
  };
  it("follows each switch; a reminder the person asked for always goes", () => {
    expect(isPushWanted("new-content", off)).toBe(false);
    expect(isPushWanted("new-content", { ...off, pushNewContent: true })).toBe(true);
    expect(isPushWanted("approvals", { ...off, pushApprovals: true })).toBe(true);
    expect(isPushWanted("milestones", { ...off, pushCampaigns: true })).toBe(false);
    expect(isPushWanted("reminders", off)).toBe(true);
  });
});

describe("pushPath", () => {
  const origin = "https://advocacy.example.com";
  it("keeps same-origin paths and turns the app's absolute URLs into paths", () => {
    expect(pushPath("/share/cnt_1", origin)).toBe("/share/cnt_1");
    expect(pushPath(`${origin}/studio/cnt_1?x=1#a`, origin)).toBe("/studio/cnt_1?x=1#a");
  });
  it("never points elsewhere", () => {
    for (const url of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/x",
      "javascript:alert(1)",
      null,
    ]) {
      expect(pushPath(url, origin)).toBe("/feed");
    }
  });
});
