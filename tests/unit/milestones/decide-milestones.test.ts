import { describe, expect, it } from "vitest";
import { decideMilestones, type ShareProgress } from "@/lib/domains/milestones/milestones";
import { describeOutcomes } from "@/lib/domains/milestones/outcome-words";

const none = { VISIT: 0, SIGNUP: 0, APPLICATION: 0, HIRE: 0, LEAD: 0, OPPORTUNITY: 0, DEAL: 0 };
const share = (over: Partial<ShareProgress>): ShareProgress => ({
  shareId: "shr_1",
  itemTitle: "the graduate programme",
  visits: 0,
  visitsBefore: 0,
  conversions: 0,
  conversionsBefore: 0,
  recentVisits: true,
  outcomes: none,
  otherBest: 0,
  ...over,
});
const kinds = (s: ShareProgress) => decideMilestones(s).map((m) => m.kind);

describe("decideMilestones", () => {
  it("announces only the highest visit threshold a run crosses", () => {
    expect(kinds(share({ visits: 1 }))).toEqual(["impact.first-visit"]);
    expect(kinds(share({ visits: 12 }))).toEqual(["impact.visits-10"]);
    expect(kinds(share({ visitsBefore: 40, visits: 120 }))).toEqual(["impact.visits-100"]);
    expect(kinds(share({ visitsBefore: 12, visits: 40 }))).toEqual([]);
  });

  it("tells no old news: visit milestones need a visit counted today or yesterday", () => {
    expect(kinds(share({ visits: 60, recentVisits: false }))).toEqual([]);
  });

  it("a personal best beats an earlier record; the first share with visits sets none", () => {
    expect(kinds(share({ visitsBefore: 30, visits: 31, otherBest: 30 }))).toEqual(["impact.best"]);
    expect(kinds(share({ visitsBefore: 31, visits: 35, otherBest: 30 }))).toEqual([]);
    expect(kinds(share({ visitsBefore: 5, visits: 8, otherBest: 0 }))).toEqual([]);
  });

  it("names the most valuable first outcome, whenever it is learned", () => {
    const [m] = decideMilestones(
      share({
        recentVisits: false,
        conversions: 2,
        outcomes: { ...none, SIGNUP: 1, APPLICATION: 1 },
      }),
    );
    expect(m!.title).toBe("Your post about “the graduate programme” brought its first applicant");
    expect(
      kinds(share({ conversions: 3, conversionsBefore: 1, outcomes: { ...none, HIRE: 3 } })),
    ).toEqual([]);
  });

  it("describes outcomes in funnel order, singular and plural", () => {
    expect(describeOutcomes({ ...none, HIRE: 1, APPLICATION: 2, DEAL: 1 })).toBe(
      "2 applicants, 1 hire, 1 deal",
    );
    expect(describeOutcomes(none)).toBe("");
  });
});
