import type { CreateContentInput } from "@/lib/domains/content/content-schemas";
import { randomString } from "@/lib/core/db/create-id";

/** A valid content item body for the API, with overrides. */
export function contentInput(overrides: Partial<CreateContentInput> = {}): CreateContentInput {
  return {
    title: `Post ${randomString(6)}`,
    body: "We connected our 40 MW solar park in Brandenburg to the grid this week.",
    language: "en",
    linkUrl: null,
    linkPreview: null,
    hashtags: ["energy"],
    notes: null,
    valueType: "INFORMATION",
    goals: ["MARKETING"],
    audience: { all: true, teamIds: [], locationIds: [] },
    topicIds: [],
    publishAt: null,
    expireAt: null,
    captions: [
      { label: "formal", text: "Fernhill Energy has connected a 40 MW solar park." },
      { label: "personal", text: "So proud of the team: our new solar park is live!" },
    ],
    translations: [],
    ...overrides,
  };
}
