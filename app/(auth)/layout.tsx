import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      {/* In a landmark, like everything on the page (axe "region"). */}
      <header className="mb-8">
        <Link href="/" className="flex items-center gap-2 text-xl font-semibold tracking-tight">
          <span aria-hidden className="inline-block h-7 w-7 rounded-full bg-brand-600" />
          Chorus
        </Link>
      </header>
      <main className="w-full max-w-md">{children}</main>
    </div>
  );
}
