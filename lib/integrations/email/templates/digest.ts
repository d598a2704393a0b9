import type { ValueType } from "@/lib/generated/prisma/enums";
import {
  button,
  esc,
  layout,
  paragraph,
  subjectLine,
  textLayout,
  type RenderedEmail,
} from "@/lib/integrations/email/templates/layout";

/** What a weekly digest shows (built by lib/domains/digests/build-digest.ts). */
export interface DigestItem {
  id: string;
  title: string;
  valueType: ValueType;
  valueTypeLabel: string;
  liveSince: Date;
  url: string;
}

/** The member's own impact in the week (the figures of "Your impact" on /activity). */
export interface DigestImpact {
  /** Unique human visits on their links on the week's days. */
  visits: number;
  clicks: number;
  /** Reach of the shares made in the week: LinkedIn's impressions, else an estimate. */
  reach: number;
  reachIsEstimate: boolean;
  outcomes: number;
  /** "2 applicants, 1 hire" ("" without outcomes). */
  outcomesText: string;
  /** The share with the most visits in the week. */
  best: { title: string; visits: number } | null;
  /** The titles of the milestone notifications of the week ("… got its first visit"). */
  milestones: string[];
}

export interface Digest {
  orgId: string;
  orgName: string;
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  /** The week covered: [from, to) — the seven days before `now`. */
  from: Date;
  to: Date;
  /** What their shares brought in the week: the digest leads with it. */
  impact: DigestImpact;
  /** Items visible to the member that went live in the week and they have not shared ("for you" order, ≤ 5). */
  newItems: DigestItem[];
  /** All such items (the list above is cut at 5). */
  newItemCount: number;
  /** Their shares created in the week. */
  sharesLastWeek: number;
  /** Human clicks on their tracked links on the week's days (daily rollups, bots excluded). */
  clicksLastWeek: number;
  /** A value type they have not shared in 30 days, with an item of that type to start from. */
  nudge: { valueType: ValueType; label: string; message: string; item: DigestItem | null } | null;
  feedUrl: string;
  activityUrl: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** "Your impact this week" as lines of text (the first part of both the text and the HTML). */
export function impactLines(i: DigestImpact): string[] {
  const reach = `${i.reachIsEstimate ? "an estimated " : ""}${i.reach.toLocaleString("en-US")}`;
  return [
    `Your links brought ${plural(i.visits, "visit")} (${plural(i.clicks, "click")}) this week; the posts you shared reached ${reach} people.`,
    i.outcomes
      ? `Outcomes from your shares: ${i.outcomesText}.`
      : "No outcomes from your shares yet this week.",
    ...(i.best ? [`Best share: ${i.best.title} (${plural(i.best.visits, "visit")}).`] : []),
    ...i.milestones.map((m) => `★ ${m}`),
  ];
}

/** The weekly digest of one member (category "digest"), from `buildDigest`. */
export function digestEmail(d: Digest): RenderedEmail {
  const impact = impactLines(d.impact);
  const reason = `You receive this weekly digest as a member of ${d.orgName} on Chorus. You can turn it off in your profile.`;
  const more = d.newItemCount - d.newItems.length;
  const itemsText = d.newItems.length
    ? [
        `New for you this week (${d.newItemCount}):`,
        ...d.newItems.map((i) => `- ${i.title} (${i.valueTypeLabel}): ${i.url}`),
        ...(more > 0 ? [`…and ${more} more: ${d.feedUrl}`] : []),
      ]
    : [`Nothing new for you this week. Your feed: ${d.feedUrl}`];
  const results = `Last week you shared ${plural(d.sharesLastWeek, "post")} and your links got ${plural(d.clicksLastWeek, "click")}.`;
  const nudgeText = d.nudge
    ? [
        "",
        `Idea: ${d.nudge.message}. ${d.nudge.label} posts keep your mix varied.`,
        ...(d.nudge.item ? [`Try: ${d.nudge.item.title}: ${d.nudge.item.url}`] : []),
      ]
    : [];
  const lines = [
    `Hi ${d.name},`,
    "",
    "Your impact this week:",
    ...impact,
    "",
    ...itemsText,
    "",
    results,
    ...nudgeText,
    "",
    `Your activity: ${d.activityUrl}`,
  ];

  const itemsHtml = d.newItems.length
    ? `<h2 style="font-size:16px;margin:16px 0 8px">New for you this week (${esc(d.newItemCount)})</h2>
<ul style="padding-left:20px;margin:0 0 12px">${d.newItems
        .map(
          (i) =>
            `<li style="margin-bottom:6px"><a href="${esc(i.url)}">${esc(i.title)}</a> <span style="color:#6b7280">· ${esc(i.valueTypeLabel)}</span></li>`,
        )
        .join(
          "",
        )}</ul>${more > 0 ? `<p style="margin:0 0 12px"><a href="${esc(d.feedUrl)}">…and ${esc(more)} more</a></p>` : ""}`
    : `<p style="margin:0 0 12px">Nothing new for you this week. <a href="${esc(d.feedUrl)}">Open your feed</a>.</p>`;
  const nudgeHtml = d.nudge
    ? `<div style="background:#f0fdf4;border-radius:6px;padding:12px 16px;margin:16px 0">
<p style="margin:0 0 6px"><strong>Idea:</strong> ${esc(d.nudge.message)}. ${esc(d.nudge.label)} posts keep your mix varied.</p>${
        d.nudge.item
          ? `<p style="margin:0">Try: <a href="${esc(d.nudge.item.url)}">${esc(d.nudge.item.title)}</a></p>`
          : ""
      }</div>`
    : "";
  const html = layout({
    title: "Your week on Chorus",
    reason,
    bodyHtml: [
      paragraph(`Hi ${d.name},`),
      `<h2 style="font-size:16px;margin:16px 0 8px">Your impact this week</h2>
<ul style="padding-left:20px;margin:0 0 12px">${impact.map((line) => `<li style="margin-bottom:4px">${esc(line)}</li>`).join("")}</ul>`,
      itemsHtml,
      `<p style="margin:16px 0 12px">${esc(results)}</p>`,
      nudgeHtml,
      button(d.activityUrl, "See your activity"),
    ].join("\n"),
  });
  const subject = d.newItemCount
    ? `Your week: ${plural(d.impact.visits, "visit")} · ${plural(d.newItemCount, "new post")} to share`
    : `Your week on Chorus · ${plural(d.impact.visits, "visit")} on your links`;
  return { subject: subjectLine(subject), text: textLayout(lines, reason), html };
}
