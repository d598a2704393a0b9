import type { Metadata } from "next";
// Inter, self-hosted: the font files ship in the build (same origin, no request elsewhere).
import "@fontsource-variable/inter/wght.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chorus", template: "%s · Chorus" },
  description: "Employee advocacy: your people, their words, measurable results.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
