import { describe, expect, it } from "vitest";
import { installPushHandlers, notificationFor, PUSH_ICON } from "@/lib/pwa/sw-push";

/** A stand-in for the service worker's global scope: records notifications and windows. */
function fakeScope(openUrls: string[] = []) {
  const shown: { title: string; options?: NotificationOptions }[] = [];
  const opened: string[] = [];
  const focused: string[] = [];
  const scope = Object.assign(new EventTarget(), {
    location: { origin: "https://chorus.example" },
    registration: {
      showNotification: async (title: string, options?: NotificationOptions) => {
        shown.push({ title, options });
      },
    },
    clients: {
      matchAll: async () =>
        openUrls.map((url) => ({ url, focus: async () => void focused.push(url) })),
      openWindow: async (url: string) => void opened.push(url),
    },
  });
  installPushHandlers(scope);
  return { scope, shown, opened, focused };
}

function extendable<T extends object>(type: string, props: T) {
  const pending: Promise<unknown>[] = [];
  const event = Object.assign(new Event(type), props, {
    waitUntil: (p: Promise<unknown>) => void pending.push(p),
  });
  return { event, done: () => Promise.all(pending) };
}

const data = (value: unknown) => ({
  json: () => (typeof value === "string" ? JSON.parse(value) : value),
  text: () => (typeof value === "string" ? value : JSON.stringify(value)),
});

describe("push", () => {
  it("shows the message's title and body, with its page, tag, icon and badge", async () => {
    const { scope, shown } = fakeScope();
    const { event, done } = extendable("push", {
      data: data({ title: "New for you: Wind", body: "Share it", url: "/share/cnt_1", tag: "t1" }),
    });
    scope.dispatchEvent(event);
    await done();
    expect(shown).toEqual([
      {
        title: "New for you: Wind",
        options: {
          body: "Share it",
          icon: PUSH_ICON,
          badge: PUSH_ICON,
          tag: "t1",
          data: { url: "/share/cnt_1" },
        },
      },
    ]);
  });

  it("never links elsewhere, and still shows a message that is not JSON", () => {
    expect(
      notificationFor(data({ title: "x", url: "https://evil.example" })).options.data.url,
    ).toBe("/feed");
    expect(notificationFor(data({ title: "x", url: "//evil.example" })).options.data.url).toBe(
      "/feed",
    );
    const plain = notificationFor(data("not json"));
    expect(plain.title).toBe("Chorus");
    expect(plain.options.body).toBe("not json");
    expect(notificationFor(null).title).toBe("Chorus");
  });
});

describe("notificationclick", () => {
  const click = (url: unknown) => {
    let closed = false;
    const e = extendable("notificationclick", {
      notification: { data: { url }, close: () => void (closed = true) },
    });
    return { ...e, closed: () => closed };
  };

  it("focuses a window already on the page", async () => {
    const { scope, opened, focused } = fakeScope([
      "https://chorus.example/feed",
      "https://chorus.example/share/cnt_1",
    ]);
    const c = click("/share/cnt_1");
    scope.dispatchEvent(c.event);
    await c.done();
    expect(c.closed()).toBe(true);
    expect(focused).toEqual(["https://chorus.example/share/cnt_1"]);
    expect(opened).toEqual([]);
  });

  it("opens the page otherwise (same origin only)", async () => {
    const { scope, opened, focused } = fakeScope(["https://chorus.example/feed"]);
    const c = click("/studio/cnt_2");
    scope.dispatchEvent(c.event);
    await c.done();
    expect(opened).toEqual(["https://chorus.example/studio/cnt_2"]);
    const evil = click("https://evil.example/");
    scope.dispatchEvent(evil.event);
    await evil.done();
    // Another site's URL becomes the feed, which is open here: focused, nothing else opened.
    expect(focused).toEqual(["https://chorus.example/feed"]);
    expect(opened).toHaveLength(1);
  });
});
