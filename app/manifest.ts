import type { MetadataRoute } from "next";
import { PWA_BACKGROUND_COLOR, PWA_THEME_COLOR } from "@/lib/pwa/colors";

/** The web app manifest (/manifest.webmanifest): what makes Chorus installable on a phone. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/feed",
    name: "Chorus",
    short_name: "Chorus",
    description: "Employee advocacy: your people, their words, measurable results.",
    start_url: "/feed",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: PWA_THEME_COLOR,
    background_color: PWA_BACKGROUND_COLOR,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
