"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api-fetch";
import { LiveNotice, type Notice } from "@/components/admin/live-notice";
import { VisibilitySwitch } from "@/components/people/visibility-switch";
import { Button } from "@/components/ui/button";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import { contentLanguageOptions } from "@/lib/domains/people/content-languages";
import { PAGE_SECTIONS, type SectionVisibility } from "@/lib/domains/people/page-sections";
import { parseNetworkSize } from "@/lib/domains/people/parse-network-size";

export interface ProfileData {
  name: string;
  email: string;
  headline: string | null;
  locale: string;
  networkSize: number | null;
  handle: string | null;
  showShares: boolean;
  showStories: boolean;
  showMix: boolean;
  showReach: boolean;
}

const HEADLINE_MAX = 220;

const FLAG: Record<keyof SectionVisibility, keyof ProfileData> = {
  stories: "showStories",
  shares: "showShares",
  mix: "showMix",
  reach: "showReach",
};

function toForm(p: ProfileData) {
  return {
    name: p.name,
    headline: p.headline ?? "",
    locale: p.locale,
    networkSize: p.networkSize === null ? "" : String(p.networkSize),
    handle: p.handle ?? "",
    visibility: {
      stories: p.showStories,
      shares: p.showShares,
      mix: p.showMix,
      reach: p.showReach,
    } satisfies SectionVisibility,
  };
}

/** The person's own profile and what their page shows colleagues; saved with PATCH /api/profile. */
export function ProfileForm({ profile }: { profile: ProfileData }) {
  const router = useRouter();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [saved, setSaved] = useState(profile);
  const [values, setValues] = useState(() => toForm(profile));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState(false);

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const headlineLength = values.headline.trim().length;
  const handlePreview = values.handle.trim().toLowerCase();

  function focusFirstProblem() {
    setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const networkSize = parseNetworkSize(values.networkSize);
    if (!networkSize.ok) {
      setFields({ networkSize: networkSize.error });
      setNotice({ tone: "error", text: "Check the highlighted field." });
      focusFirstProblem();
      return;
    }
    setPending(true);
    setFields({});
    const result = await apiFetch<{ profile: ProfileData }>("/api/profile", {
      method: "PATCH",
      body: {
        name: values.name,
        headline: values.headline,
        locale: values.locale,
        networkSize: networkSize.value,
        handle: values.handle,
        showStories: values.visibility.stories,
        showShares: values.visibility.shares,
        showMix: values.visibility.mix,
        showReach: values.visibility.reach,
      },
    });
    setPending(false);
    if (!result.ok) {
      const problems = result.fields ?? {};
      setFields(problems);
      // "_" is a problem with the request as a whole: the message says it.
      const count = Object.keys(problems).filter((k) => k !== "_").length;
      setNotice({
        tone: "error",
        text: count
          ? `${count === 1 ? "One field needs" : `${count} fields need`} attention: see the messages below ${count === 1 ? "it" : "them"}.`
          : result.message,
      });
      if (count) focusFirstProblem();
      return;
    }
    setSaved(result.data.profile);
    setValues(toForm(result.data.profile));
    setNotice({ tone: "success", text: "Profile saved." });
    router.refresh();
  }

  const savedHandle = saved.handle;
  return (
    <form ref={form} onSubmit={submit} noValidate aria-label="Your profile" className="space-y-8">
      <section aria-labelledby={`${id}-about`} className="space-y-4">
        <h2 id={`${id}-about`} className="text-lg font-semibold">
          About you
        </h2>
        <TextField
          label="Name"
          required
          maxLength={120}
          autoComplete="name"
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          error={fields.name}
        />
        <div className="space-y-1.5">
          <label
            htmlFor={`${id}-headline`}
            className="block text-sm font-medium text-slate-800 dark:text-slate-200"
          >
            LinkedIn headline
          </label>
          <textarea
            id={`${id}-headline`}
            rows={2}
            value={values.headline}
            onChange={(e) => set("headline", e.target.value)}
            aria-invalid={fields.headline || headlineLength > HEADLINE_MAX ? true : undefined}
            aria-describedby={`${id}-headline-hint ${id}-headline-count${fields.headline ? ` ${id}-headline-error` : ""}`}
            className={inputClass}
          />
          <div className="flex flex-wrap justify-between gap-x-4 gap-y-1">
            <p id={`${id}-headline-hint`} className="text-xs text-slate-600 dark:text-slate-400">
              The line under your name on LinkedIn, e.g. “Data engineer, grid forecasting”.
            </p>
            <p
              id={`${id}-headline-count`}
              className={`ml-auto text-xs tabular-nums ${headlineLength > HEADLINE_MAX ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}
            >
              {headlineLength} / {HEADLINE_MAX} characters
            </p>
          </div>
          {fields.headline ? (
            <p id={`${id}-headline-error`} className="text-sm text-red-700 dark:text-red-400">
              {fields.headline}
            </p>
          ) : null}
        </div>
        <SelectField
          label="Preferred language for content"
          value={values.locale}
          onChange={(e) => set("locale", e.target.value)}
          error={fields.locale}
          hint="Your feed shows posts in this language when a translation exists."
        >
          {contentLanguageOptions(values.locale).map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="LinkedIn network size"
          inputMode="numeric"
          autoComplete="off"
          placeholder="e.g. 1250"
          value={values.networkSize}
          onChange={(e) => set("networkSize", e.target.value)}
          error={fields.networkSize}
          hint="Your connections plus followers on LinkedIn. Used to estimate how many people your shares can reach. Leave empty if you prefer not to say."
        />
      </section>

      <section aria-labelledby={`${id}-page`} className="space-y-4">
        <h2 id={`${id}-page`} className="text-lg font-semibold">
          Your page
        </h2>
        <TextField
          label="Handle"
          required
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          value={values.handle}
          onChange={(e) => set("handle", e.target.value)}
          error={fields.handle}
          hint={
            <>
              Lowercase letters, digits and single dashes. Your page’s address:{" "}
              <span className="font-mono text-slate-800 dark:text-slate-200">
                /people/{handlePreview || "…"}
              </span>
            </>
          }
        />
        <fieldset id="visibility" className="scroll-mt-6">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">
            What colleagues see on your page
          </legend>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Your name, headline, title and teams are always shown. You always see every section of
            your own page.
          </p>
          <div className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
            {PAGE_SECTIONS.map((section) => (
              <VisibilitySwitch
                key={section.id}
                label={section.label}
                explanation={section.explanation}
                checked={values.visibility[section.id]}
                onChange={(checked) =>
                  set("visibility", { ...values.visibility, [section.id]: checked })
                }
              />
            ))}
          </div>
          {Object.entries(FLAG).map(([section, flag]) =>
            fields[flag] ? (
              <p key={section} className="text-sm text-red-700 dark:text-red-400">
                {fields[flag]}
              </p>
            ) : null,
          )}
        </fieldset>
      </section>

      <div className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save profile"}
          </Button>
          {savedHandle ? (
            <Link
              href={`/people/${savedHandle}`}
              className="touch-area rounded-sm text-sm font-medium text-brand-700 underline dark:text-brand-100"
            >
              View your page
            </Link>
          ) : null}
        </div>
        <LiveNotice notice={notice} />
      </div>
    </form>
  );
}
