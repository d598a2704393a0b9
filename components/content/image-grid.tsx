import Image from "next/image";

export interface GridImage {
  id: string;
  url: string;
  alt: string;
}

/** Up to four images in LinkedIn's layouts (one, two side by side, one large + two, 2×2 with "+n"). */
export function ImageGrid({ images }: { images: GridImage[] }) {
  if (!images.length) return null;
  const shown = images.slice(0, 4);
  const extra = images.length - shown.length;
  const layout =
    shown.length === 1
      ? "grid-cols-1"
      : shown.length === 3
        ? "grid-cols-2 grid-rows-2 [&>*:first-child]:row-span-2"
        : "grid-cols-2";
  return (
    <ul
      className={`grid gap-0.5 ${layout}`}
      aria-label={`${images.length} image${images.length === 1 ? "" : "s"}`}
    >
      {shown.map((image, i) => (
        <li
          key={image.id}
          className="relative min-h-0 overflow-hidden bg-slate-100 dark:bg-slate-800"
        >
          <Image
            src={image.url}
            alt={image.alt}
            width={552}
            height={552}
            unoptimized
            className={`h-full w-full object-cover ${
              shown.length === 1
                ? "max-h-[28rem]"
                : shown.length === 3 && i === 0
                  ? "absolute inset-0"
                  : "aspect-square"
            }`}
          />
          {extra > 0 && i === shown.length - 1 ? (
            <span className="absolute inset-0 flex items-center justify-center bg-slate-950/55 text-2xl font-semibold text-white">
              +{extra}
              <span className="sr-only"> more image{extra === 1 ? "" : "s"}</span>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
