import Link from "next/link";
import { cn } from "@/lib/cn";

/** The mark is an arrow pointing the way: the objective is the direction. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-6", className)}>
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path d="M9 23 L16 8 L23 23 L16 19 Z" fill="#fff" />
    </svg>
  );
}

export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cn("flex items-center gap-2 rounded-md text-[15px] font-semibold tracking-tight text-fg", className)}>
      <LogoMark />
      Retning
    </Link>
  );
}
