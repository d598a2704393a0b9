import type { Metadata, Viewport } from "next";
// Inter, self-hosted: the font files ship in the build (same origin, no request elsewhere).
import "@fontsource-variable/inter/wght.css";
import "./globals.css";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { env } from "@/lib/core/env";
import { PWA_THEME_COLOR } from "@/lib/pwa/colors";

export const metadata: Metadata = {
  title: { default: "Chorus", template: "%s · Chorus" },
  description: "Employee advocacy: your people, their words, measurable results.",
  applicationName: "Chorus",
  // The manifest link comes from app/manifest.ts; iOS reads these instead.
  appleWebApp: { capable: true, title: "Chorus", statusBarStyle: "default" },
  icons: { apple: "/icons/apple-touch-icon.png" },
};

/**
 * Phones: the page is as wide as the screen, and an open on-screen keyboard shrinks the layout
 * viewport instead of covering it, so what sticks to the bottom (the composer's share actions)
 * stays above the keyboard.
 */
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  interactiveWidget: "resizes-content",
  themeColor: PWA_THEME_COLOR,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {children}
        <RegisterServiceWorker enabled={env().NODE_ENV === "production"} />
      </body>
    </html>
  );
}
