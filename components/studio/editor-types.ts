import type { BusinessGoal, ContentStatus, ValueType } from "@/lib/generated/prisma/enums";
import type { TransitionOption } from "@/lib/domains/content/workflow";

export interface EditorCaption {
  label: string;
  text: string;
}

export interface EditorTranslation {
  language: string;
  title: string;
  body: string;
  captions: EditorCaption[];
}

export interface EditorLinkPreview {
  title: string;
  description: string;
  imageUrl: string;
  siteName: string;
}

export interface EditorImage {
  id: string;
  url: string;
  alt: string;
}

export interface EditorHistoryEntry {
  from: ContentStatus | null;
  to: ContentStatus;
  /** ISO instant, and as the server formatted it in the organisation's time zone. */
  at: string;
  atLabel: string;
  by: string | null;
  comment: string | null;
  /** A step of the approval chain ("Approved at stage 1 of 2 (Comms)"), shown instead of from → to. */
  label?: string | null;
}

/** An existing item as the editor receives it from the server page (dates as ISO strings). */
export interface EditorItem {
  id: string;
  status: ContentStatus;
  /** The workflow moves from this status, as the server judges them for the viewer. */
  transitions: TransitionOption[];
  authorId: string | null;
  title: string;
  body: string;
  language: string;
  linkUrl: string | null;
  linkPreview: {
    title: string | null;
    description: string | null;
    imageUrl: string | null;
    siteName: string | null;
  } | null;
  hashtags: string[];
  notes: string | null;
  valueType: ValueType;
  goals: BusinessGoal[];
  audience: { all: boolean; teamIds: string[]; locationIds: string[] };
  topicIds: string[];
  publishAt: string | null;
  expireAt: string | null;
  captions: EditorCaption[];
  translations: EditorTranslation[];
  images: EditorImage[];
  history: EditorHistoryEntry[];
  originator: string | null;
  /** The organisation has an approval chain: sending back from review needs a comment. */
  approvalChain?: boolean;
}

export interface EditorOption {
  id: string;
  name: string;
}

export type FieldErrors = Record<string, string>;

/** Keyed rows, so React keeps each caption's input while others are added or removed. */
export type Keyed<T> = T & { key: number };
