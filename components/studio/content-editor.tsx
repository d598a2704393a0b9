"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { CheckboxList } from "@/components/admin/checkbox-list";
import { focusNoticeSoon, LiveNotice, type Notice } from "@/components/admin/live-notice";
import { HashtagInput } from "@/components/content/hashtag-input";
import { PostTextArea } from "@/components/content/post-text-area";
import { GoalPicker, ValueTypePicker } from "@/components/content/value-type-picker";
import { LinkedInPreview } from "@/components/linkedin-preview";
import { CaptionsEditor } from "@/components/studio/captions-editor";
import { AiStudioPanel } from "@/components/ai/ai-studio-panel";
import type {
  EditorCaption,
  EditorImage,
  EditorItem,
  EditorLinkPreview,
  EditorOption,
  FieldErrors,
  Keyed,
} from "@/components/studio/editor-types";
import { HistoryList } from "@/components/studio/history-list";
import { ImageManager } from "@/components/studio/image-manager";
import { LinkSection } from "@/components/studio/link-section";
import { TranslationsEditor, type TranslationRow } from "@/components/studio/translations-editor";
import { WorkflowPanel } from "@/components/studio/workflow-panel";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass, TextField } from "@/components/ui/field";
import type { BusinessGoal, ValueType } from "@/lib/generated/prisma/enums";
import type { OrgSettingsView } from "@/lib/domains/settings/get-org-settings";
import { utcToZonedLocal, zonedLocalToUtc } from "@/lib/core/time/zoned-time";

export interface ContentEditorProps {
  item: EditorItem | null;
  teams: EditorOption[];
  locations: EditorOption[];
  /** The organisation's topics (admin page /admin/topics). */
  topics: EditorOption[];
  timeZone: string;
  author: { name: string; headline: string | null; image: string | null };
  /** Just created: say so once (the new page navigated here). */
  justCreated?: boolean;
  /** AI assistance is on (server configured, organisation switched on): its target languages. */
  ai?: { languages: string[] } | null;
}

function keyed<T extends object>(rows: T[]): Keyed<T>[] {
  return rows.map((row, key) => ({ ...row, key }));
}

/** API field names for the guardrail errors the server reports by the text's label. */
function mapFields(fields: FieldErrors | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fields ?? {})) {
    out[key === "Suggested post text" ? "body" : key] = message;
  }
  return out;
}

function stripKeys(captions: Keyed<EditorCaption>[]): EditorCaption[] {
  return captions.map(({ label, text }) => ({ label: label.trim(), text }));
}

const sectionTitle = "text-lg font-semibold";
const sectionHint = "mt-1 text-sm text-slate-600 dark:text-slate-400";

/**
 * The studio editor for a new or an existing item. Everything is saved together (POST, then
 * PATCH); images and workflow moves need a saved item. The preview follows every keystroke.
 */
export function ContentEditor({
  item,
  teams,
  locations,
  topics,
  timeZone,
  author,
  justCreated,
  ai = null,
}: ContentEditorProps) {
  const router = useRouter();
  const nextKey = useRef(10_000);
  const newKey = () => ++nextKey.current;
  const noticeRef = useRef<HTMLDivElement>(null);

  const [title, setTitle] = useState(item?.title ?? "");
  const [body, setBody] = useState(item?.body ?? "");
  const [language, setLanguage] = useState(item?.language ?? "en");
  const [linkUrl, setLinkUrl] = useState(item?.linkUrl ?? "");
  const [linkPreview, setLinkPreview] = useState<EditorLinkPreview | null>(
    item?.linkPreview
      ? {
          title: item.linkPreview.title ?? "",
          description: item.linkPreview.description ?? "",
          imageUrl: item.linkPreview.imageUrl ?? "",
          siteName: item.linkPreview.siteName ?? "",
        }
      : null,
  );
  const [hashtags, setHashtags] = useState<string[]>(item?.hashtags ?? []);
  const [notes, setNotes] = useState(item?.notes ?? "");
  const [valueType, setValueType] = useState<ValueType | null>(item?.valueType ?? null);
  const [goals, setGoals] = useState<BusinessGoal[]>(item?.goals ?? []);
  const [audienceAll, setAudienceAll] = useState(item?.audience.all ?? true);
  const [teamIds, setTeamIds] = useState<string[]>(item?.audience.teamIds ?? []);
  const [locationIds, setLocationIds] = useState<string[]>(item?.audience.locationIds ?? []);
  const [topicIds, setTopicIds] = useState<string[]>(item?.topicIds ?? []);
  const [publishLocal, setPublishLocal] = useState(utcToZonedLocal(item?.publishAt, timeZone));
  const [expireLocal, setExpireLocal] = useState(utcToZonedLocal(item?.expireAt, timeZone));
  const [captions, setCaptions] = useState(() => keyed(item?.captions ?? []));
  const [translations, setTranslations] = useState<TranslationRow[]>(() =>
    keyed(item?.translations ?? []).map((t) => ({ ...t, captions: keyed(t.captions) })),
  );
  const [images, setImages] = useState<EditorImage[]>(item?.images ?? []);
  const [previewSource, setPreviewSource] = useState<"body" | number>("body");

  const [settings, setSettings] = useState<OrgSettingsView | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice>(
    justCreated ? { tone: "success", text: "Draft saved. You can add images now." } : null,
  );
  const [pending, setPending] = useState(false);

  // The guardrails, once: every text box checks them as people type.
  useEffect(() => {
    let live = true;
    void apiFetch<{ settings: OrgSettingsView }>("/api/settings/guardrails").then((result) => {
      if (live && result.ok) setSettings(result.data.settings);
    });
    return () => {
      live = false;
    };
  }, []);

  const payload = useMemo(() => {
    const url = linkUrl.trim();
    return {
      title,
      body,
      language: language.trim(),
      linkUrl: url || null,
      linkPreview:
        url && linkPreview
          ? {
              title: linkPreview.title.trim() || null,
              description: linkPreview.description.trim() || null,
              imageUrl: linkPreview.imageUrl.trim() || null,
              siteName: linkPreview.siteName.trim() || null,
            }
          : null,
      hashtags,
      notes: notes.trim() || null,
      valueType,
      goals,
      audience: {
        all: audienceAll,
        teamIds: audienceAll ? [] : teamIds,
        locationIds: audienceAll ? [] : locationIds,
      },
      topicIds,
      publishAt: zonedLocalToUtc(publishLocal, timeZone),
      expireAt: zonedLocalToUtc(expireLocal, timeZone),
      captions: stripKeys(captions),
      translations: translations.map((t) => ({
        language: t.language.trim(),
        title: t.title,
        body: t.body,
        captions: stripKeys(t.captions),
      })),
    };
  }, [
    title,
    body,
    language,
    linkUrl,
    linkPreview,
    hashtags,
    notes,
    valueType,
    goals,
    audienceAll,
    teamIds,
    locationIds,
    topicIds,
    publishLocal,
    expireLocal,
    captions,
    translations,
    timeZone,
  ]);
  const snapshot = JSON.stringify(payload);
  const [saved, setSaved] = useState(snapshot);
  const dirty = snapshot !== saved;

  // "?created=1" is a one-time message: a reload should not repeat it.
  useEffect(() => {
    if (justCreated) window.history.replaceState(null, "", window.location.pathname);
  }, [justCreated]);

  // Leaving with unsaved edits asks first (reloads, closing the tab, typed URLs).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function localProblems(): FieldErrors {
    const problems: FieldErrors = {};
    if (!valueType) problems.valueType = "Choose the value type this post gives its readers.";
    if (!goals.length) problems.goals = "Choose at least one business goal.";
    if (publishLocal && !payload.publishAt) problems.publishAt = "Enter a valid date and time.";
    if (expireLocal && !payload.expireAt) problems.expireAt = "Enter a valid date and time.";
    return problems;
  }

  async function save(): Promise<boolean> {
    const problems = localProblems();
    if (Object.keys(problems).length) {
      setFields(problems);
      setNotice({ tone: "error", text: `Not saved: ${Object.values(problems).join(" ")}` });
      focusNoticeSoon(noticeRef);
      return false;
    }
    setPending(true);
    setFields({});
    const result = item
      ? await apiFetch<{ item: { id: string } }>(`/api/content/${item.id}`, {
          method: "PATCH",
          body: payload,
        })
      : await apiFetch<{ item: { id: string } }>("/api/content", {
          method: "POST",
          body: payload,
        });
    setPending(false);
    if (!result.ok) {
      setFields(mapFields(result.fields));
      setNotice({ tone: "error", text: `Not saved: ${result.message}` });
      focusNoticeSoon(noticeRef);
      return false;
    }
    if (!item) {
      setSaved(snapshot);
      router.push(`/studio/${result.data.item.id}?created=1`);
      return true;
    }
    setSaved(snapshot);
    setNotice({ tone: "success", text: "Changes saved." });
    router.refresh();
    return true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save();
  }

  const rules = settings;
  const previewCaption =
    previewSource === "body" ? null : captions.find((c) => c.key === previewSource);
  const previewBase = previewCaption ? previewCaption.text : body;
  const missingTags = hashtags.filter(
    (t) => !previewBase.toLowerCase().includes(`#${t.toLowerCase()}`),
  );
  const previewText = missingTags.length
    ? `${previewBase.trimEnd()}\n\n${missingTags.map((t) => `#${t}`).join(" ")}`
    : previewBase;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_25rem]">
      <div className="min-w-0 space-y-6">
        <form
          onSubmit={submit}
          noValidate
          aria-label={item ? `Edit “${item.title}”` : "New post"}
          className="space-y-6"
        >
          <Card className="space-y-4">
            <div>
              <h2 className={sectionTitle}>Post</h2>
              <p className={sectionHint}>
                The text employees start from. They can put it in their own words before sharing.
              </p>
            </div>
            <TextField
              label="Title"
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={fields.title}
              hint="For the library and the feed; not part of the shared text."
              autoComplete="off"
            />
            <PostTextArea
              label="Suggested post text"
              value={body}
              onChange={setBody}
              rules={rules}
              error={fields.body}
              rows={10}
              required
            />
            <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
              <TextField
                label="Language"
                value={language}
                maxLength={6}
                onChange={(e) => setLanguage(e.target.value)}
                error={fields.language}
                hint="e.g. en, de, pt-BR"
                autoComplete="off"
              />
              <HashtagInput
                label="Hashtags"
                value={hashtags}
                onChange={setHashtags}
                error={fields.hashtags ?? fields["hashtags.0"]}
              />
            </div>
          </Card>

          <Card className="space-y-4">
            <div>
              <h2 className={sectionTitle}>Link and images</h2>
              <p className={sectionHint}>
                A post shows either images or the link card (images win), as on LinkedIn.
              </p>
            </div>
            <LinkSection
              linkUrl={linkUrl}
              onLinkUrlChange={setLinkUrl}
              preview={linkPreview}
              onPreviewChange={setLinkPreview}
              fields={fields}
            />
            <div className="border-t border-slate-200 pt-4 dark:border-slate-700">
              <h3 className="mb-2 text-base font-semibold">Images</h3>
              {item ? (
                <ImageManager itemId={item.id} images={images} onChange={setImages} />
              ) : (
                <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                  Save the draft to add images.
                </p>
              )}
            </div>
          </Card>

          <Card className="space-y-6">
            <ValueTypePicker
              value={valueType}
              onChange={setValueType}
              error={fields.valueType}
              description="What does this post give the people who read it? Vary it: a healthy feed mixes all six."
            />
            <GoalPicker value={goals} onChange={setGoals} error={fields.goals} />
            <div className="space-y-1">
              <CheckboxList
                legend="Topics"
                options={topics.map((t) => ({ id: t.id, label: t.name }))}
                selected={topicIds}
                onChange={setTopicIds}
                emptyText="No topics yet: an admin defines them on the Topics page."
                error={fields.topicIds}
              />
              <p className="text-sm text-slate-600 dark:text-slate-400">
                People who follow a topic see its posts first and are told when one goes live.
              </p>
            </div>
          </Card>

          <Card className="space-y-4">
            <fieldset className="space-y-2">
              <legend className={sectionTitle}>Audience</legend>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Who sees this post in their feed.
              </p>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="audience"
                  checked={audienceAll}
                  onChange={() => setAudienceAll(true)}
                  className="h-4 w-4 accent-brand-600"
                />
                The whole organisation
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="audience"
                  checked={!audienceAll}
                  onChange={() => setAudienceAll(false)}
                  className="h-4 w-4 accent-brand-600"
                />
                Chosen teams and locations
              </label>
              {fields.audience ? (
                <p className="text-sm text-red-700 dark:text-red-400">{fields.audience}</p>
              ) : null}
            </fieldset>
            {!audienceAll ? (
              <div className="grid gap-4 md:grid-cols-2">
                <CheckboxList
                  legend="Teams"
                  options={teams.map((t) => ({ id: t.id, label: t.name }))}
                  selected={teamIds}
                  onChange={setTeamIds}
                  emptyText="No teams yet."
                />
                <CheckboxList
                  legend="Locations"
                  options={locations.map((l) => ({ id: l.id, label: l.name }))}
                  selected={locationIds}
                  onChange={setLocationIds}
                  emptyText="No locations yet."
                />
              </div>
            ) : null}
          </Card>

          <Card className="space-y-4">
            <div>
              <h2 className={sectionTitle}>Schedule</h2>
              <p className={sectionHint}>
                Times are in the organisation&apos;s time zone, {timeZone.replaceAll("_", " ")}.
              </p>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="Publish from (optional)"
                type="datetime-local"
                value={publishLocal}
                onChange={(e) => setPublishLocal(e.target.value)}
                error={fields.publishAt}
                hint="Empty: visible as soon as it is published."
              />
              <TextField
                label="Expire at (optional)"
                type="datetime-local"
                value={expireLocal}
                min={publishLocal || undefined}
                onChange={(e) => setExpireLocal(e.target.value)}
                error={fields.expireAt}
                hint="Empty: stays in the feed until archived."
              />
            </div>
          </Card>

          {item && ai ? (
            <Card>
              <AiStudioPanel
                itemId={item.id}
                languages={ai.languages.filter((l) => l !== language)}
                onCaptions={(drafts) =>
                  setCaptions((rows) => [...rows, ...drafts.map((c) => ({ ...c, key: newKey() }))])
                }
                onHashtags={(tags) =>
                  setHashtags((current) => [
                    ...current,
                    ...tags.filter(
                      (t) => !current.some((c) => c.toLowerCase() === t.toLowerCase()),
                    ),
                  ])
                }
                onValueType={setValueType}
                onTranslation={(draft) => {
                  const row: TranslationRow = {
                    key: newKey(),
                    language: draft.language,
                    title: draft.title,
                    body: draft.body,
                    captions: draft.captions.map((c) => ({ ...c, key: newKey() })),
                  };
                  setTranslations((rows) =>
                    rows.some((r) => r.language === draft.language)
                      ? rows.map((r) =>
                          r.language === draft.language ? { ...row, key: r.key } : r,
                        )
                      : [...rows, row],
                  );
                }}
              />
            </Card>
          ) : null}

          <Card className="space-y-4">
            <div>
              <h2 className={sectionTitle}>Captions</h2>
              <p className={sectionHint}>Alternative texts in different voices.</p>
            </div>
            <CaptionsEditor
              captions={captions}
              onChange={setCaptions}
              rules={rules}
              fields={fields}
              path="captions"
              newKey={newKey}
            />
          </Card>

          <Card className="space-y-4">
            <div>
              <h2 className={sectionTitle}>Translations</h2>
              <p className={sectionHint}>The title, text and captions in other languages.</p>
            </div>
            <TranslationsEditor
              translations={translations}
              onChange={setTranslations}
              rules={rules}
              fields={fields}
              newKey={newKey}
            />
          </Card>

          <Card className="space-y-1.5">
            <label htmlFor="content-notes" className={`block ${sectionTitle}`}>
              Notes for sharers
            </label>
            <p id="content-notes-hint" className="text-sm text-slate-600 dark:text-slate-400">
              Context shown to employees in the feed (why it matters, who to tag). Never part of the
              shared text.
            </p>
            <textarea
              id="content-notes"
              rows={3}
              maxLength={2000}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              aria-describedby="content-notes-hint"
              aria-invalid={fields.notes ? true : undefined}
              className={inputClass}
            />
            {fields.notes ? (
              <p className="text-sm text-red-700 dark:text-red-400">{fields.notes}</p>
            ) : null}
          </Card>

          <div className="sticky bottom-0 z-10 -mx-1 flex flex-wrap items-center gap-3 rounded-lg bg-white/95 p-3 shadow-lg ring-1 ring-slate-200 backdrop-blur dark:bg-slate-900/95 dark:ring-slate-700">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : item ? "Save changes" : "Save draft"}
            </Button>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              {item ? (dirty ? "Unsaved changes" : "All changes saved") : "Not saved yet"}
            </span>
            <LiveNotice notice={notice} ref={noticeRef} className="w-full" />
          </div>
        </form>

        {item ? (
          <Card>
            <HistoryList history={item.history} />
          </Card>
        ) : null}
      </div>

      <aside aria-label="Preview and workflow" className="space-y-6">
        {item ? (
          <Card>
            <WorkflowPanel
              itemId={item.id}
              title={item.title}
              status={item.status}
              options={item.transitions}
              publishAt={item.publishAt}
              expireAt={item.expireAt}
              requireApproval={settings?.requireApproval ?? null}
              approvalChain={item.approvalChain ?? false}
              beforeTransition={async () => (dirty ? save() : true)}
            />
            {dirty ? (
              <p className="mt-3 text-xs text-slate-600 dark:text-slate-400">
                Your unsaved changes are saved first.
              </p>
            ) : null}
          </Card>
        ) : null}
        <section aria-labelledby="preview-title" className="space-y-3 lg:sticky lg:top-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="preview-title" className="text-base font-semibold">
              LinkedIn preview
            </h2>
            {captions.length ? (
              <label className="flex items-center gap-2 text-sm">
                <span>Text shown</span>
                <select
                  value={String(previewSource)}
                  onChange={(e) =>
                    setPreviewSource(e.target.value === "body" ? "body" : Number(e.target.value))
                  }
                  className="rounded-md border-0 bg-white py-1 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:ring-slate-600"
                >
                  <option value="body">Suggested post text</option>
                  {captions.map((c, i) => (
                    <option key={c.key} value={c.key}>
                      Caption {i + 1}
                      {c.label.trim() ? `: ${c.label.trim()}` : ""}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <LinkedInPreview
            authorName={author.name}
            headline={author.headline}
            avatarUrl={author.image}
            text={previewText}
            images={images}
            link={
              linkUrl.trim()
                ? {
                    url: linkUrl.trim(),
                    title: linkPreview?.title || null,
                    description: linkPreview?.description || null,
                    imageUrl: linkPreview?.imageUrl || null,
                    siteName: linkPreview?.siteName || null,
                  }
                : null
            }
          />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            As it would appear when you share it. LinkedIn folds posts after about three lines.
          </p>
        </section>
      </aside>
    </div>
  );
}
