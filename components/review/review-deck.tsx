"use client";

import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight, Maximize, Printer, X } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Children, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import "./review-deck.css";

interface Props {
  /** The slides' titles, in order: announced when a slide comes up. */
  titles: string[];
  /** One child per slide. */
  children: ReactNode;
  /** Presentation mode (`?present=1`): the deck covers the workspace around it. */
  present?: boolean;
  /** Where "Exit presentation" leads, in presentation mode. */
  exitHref?: string;
  /** The presentation layout, for browsers without the Fullscreen API. */
  presentHref?: string;
}

const slideFromHash = (count: number) => {
  const match = /^#slide-(\d+)$/.exec(window.location.hash);
  const number = match ? Number(match[1]) : 1;
  return Math.min(Math.max(number, 1), Math.max(count, 1)) - 1;
};

/** Keys a text field or a control needs for itself. */
const ownsKeys = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * The weekly review as slides: one shows at a time on screen, every one on its own page in print.
 * Arrow keys (and Page Up/Down, Home, End) and the buttons move between them; the position lives
 * in the URL (#slide-4) and each change is announced with the slide's title.
 */
export function ReviewDeck({ titles, children, present = false, exitHref, presentHref }: Props) {
  const t = useTranslations("review");
  const slides = Children.toArray(children);
  const count = slides.length;
  const [index, setIndex] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [fullscreen, setFullscreen] = useState(false);
  const deck = useRef<HTMLDivElement>(null);
  const router = useRouter();

  const go = useCallback(
    (next: number) => {
      const target = Math.min(Math.max(next, 0), count - 1);
      setIndex(target);
      setAnnouncement(t("announce", { current: target + 1, total: count, title: titles[target] ?? "" }));
      window.history.replaceState(window.history.state, "", `#slide-${target + 1}`);
    },
    [count, t, titles],
  );

  useEffect(() => {
    const fromHash = () => setIndex(slideFromHash(count));
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, [count]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target)) return;
      const moves: Record<string, number> = { ArrowRight: index + 1, PageDown: index + 1, ArrowLeft: index - 1, PageUp: index - 1, Home: 0, End: count - 1 };
      const next = moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      go(next);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [count, go, index]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === deck.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  // Full screen where the browser allows it; elsewhere (iOS Safari, embedded frames) the
  // presentation layout still covers the workspace.
  const startPresenting = () => {
    if (document.fullscreenEnabled && deck.current?.requestFullscreen) void deck.current.requestFullscreen().catch(() => undefined);
    else if (presentHref) router.push(`${presentHref}#slide-${index + 1}`);
  };

  const covering = present || fullscreen;
  return (
    <div
      ref={deck}
      data-review-deck=""
      data-present={covering ? "" : undefined}
      role="region"
      aria-roledescription={t("deck")}
      aria-label={t("deck")}
      className={cn("flex flex-col gap-3 bg-bg", covering && "fixed inset-0 z-50 p-3 sm:p-5")}
    >
      <div className="review-slides flex min-h-0 flex-1 flex-col">
        {slides.map((slide, position) => (
          <section
            key={position}
            id={`slide-${position + 1}`}
            aria-roledescription={t("slide")}
            aria-label={t("slideLabel", { current: position + 1, total: count, title: titles[position] ?? "" })}
            className={cn(
              "review-slide rounded-lg border border-border bg-surface p-5 shadow-card sm:p-8",
              covering ? "min-h-0 flex-1 overflow-auto" : "min-h-[28rem] lg:min-h-[34rem]",
              position === index ? "block" : "hidden",
            )}
          >
            {slide}
            <p className="review-print-footer mt-6 hidden text-xs text-subtle">{t("position", { current: position + 1, total: count })}</p>
          </section>
        ))}
      </div>

      <div className="review-controls flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-1">
          <Button variant="ghost" size="icon" onClick={() => go(0)} disabled={index === 0} aria-label={t("first")}>
            <ChevronFirst aria-hidden />
          </Button>
          <Button variant="secondary" onClick={() => go(index - 1)} disabled={index === 0} aria-label={t("previous")}>
            <ChevronLeft aria-hidden />
          </Button>
          <span className="min-w-16 text-center text-sm font-medium text-fg tabular-nums" aria-hidden>
            {t("position", { current: index + 1, total: count })}
          </span>
          <Button variant="secondary" onClick={() => go(index + 1)} disabled={index === count - 1} aria-label={t("next")}>
            <ChevronRight aria-hidden />
          </Button>
          <Button variant="ghost" size="icon" onClick={() => go(count - 1)} disabled={index === count - 1} aria-label={t("last")}>
            <ChevronLast aria-hidden />
          </Button>
        </div>
        <p className="hidden text-xs text-subtle md:block">{t("keys")}</p>
        <div className="flex items-center gap-2">
          {fullscreen ? null : (
            <Button variant="primary" size="sm" onClick={startPresenting} title={t("presentHint")}>
              <Maximize aria-hidden />
              {t("present")}
            </Button>
          )}
          <Button variant="ghost" size="sm" onClick={() => window.print()}>
            <Printer aria-hidden />
            {t("print")}
          </Button>
          {present && exitHref ? (
            <Link href={exitHref} className={buttonClasses("ghost", "sm")}>
              <X aria-hidden />
              {t("exit")}
            </Link>
          ) : null}
        </div>
      </div>

      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
