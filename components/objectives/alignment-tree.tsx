"use client";

import { ChevronRight, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { LevelBadge } from "@/components/okr/level-badge";
import { ObjectiveProgress } from "@/components/okr/objective-progress";
import { StatusBadge } from "@/components/okr/status-badge";
import { api } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import type { ObjectiveCard } from "@/lib/services/objective-cards";

interface Row {
  card: ObjectiveCard;
  depth: number;
  parentId: string | null;
  position: number;
  siblings: number;
}

interface Props {
  orgSlug: string;
  roots: ObjectiveCard[];
  initialChildren: Record<string, ObjectiveCard[]>;
  initialExpanded: string[];
  focusId?: string;
  expected?: number;
  label: string;
}

/**
 * Company → team → individual as a tree (WAI-ARIA navigation treeview): each objective is a link;
 * arrow keys move between them and open or close branches, Home and End jump; a branch's
 * children load when it is first opened.
 */
export function AlignmentTree({ orgSlug, roots, initialChildren, initialExpanded, focusId, expected, label }: Props) {
  const t = useTranslations("tree");
  const router = useRouter();
  const [children, setChildren] = useState(initialChildren);
  const [expanded, setExpanded] = useState(() => new Set(initialExpanded));
  const [loading, setLoading] = useState<Set<string>>(new Set());
  const [active, setActive] = useState<string | null>(focusId ?? roots[0]?.id ?? null);
  const refs = useRef(new Map<string, HTMLAnchorElement>());

  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (cards: ObjectiveCard[], depth: number, parentId: string | null) =>
      cards.forEach((card, index) => {
        out.push({ card, depth, parentId, position: index + 1, siblings: cards.length });
        if (expanded.has(card.id)) walk(children[card.id] ?? [], depth + 1, card.id);
      });
    walk(roots, 1, null);
    return out;
  }, [roots, children, expanded]);

  useEffect(() => {
    if (focusId) refs.current.get(focusId)?.scrollIntoView({ block: "center" });
  }, [focusId]);

  async function toggle(card: ObjectiveCard, open = !expanded.has(card.id)) {
    if (open && !children[card.id] && card.childCount > 0) {
      setLoading((current) => new Set(current).add(card.id));
      try {
        const data = await api<{ children: ObjectiveCard[] }>(`/api/orgs/${orgSlug}/objectives/${card.id}/children`);
        setChildren((current) => ({ ...current, [card.id]: data.children }));
      } finally {
        setLoading((current) => {
          const next = new Set(current);
          next.delete(card.id);
          return next;
        });
      }
    }
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(card.id);
      else next.delete(card.id);
      return next;
    });
  }

  function move(id: string | undefined | null) {
    if (!id) return;
    setActive(id);
    refs.current.get(id)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>, row: Row) {
    const index = rows.findIndex((candidate) => candidate.card.id === row.card.id);
    const hasChildren = row.card.childCount > 0;
    const open = expanded.has(row.card.id);
    switch (event.key) {
      case "ArrowDown":
        move(rows[index + 1]?.card.id);
        break;
      case "ArrowUp":
        move(rows[index - 1]?.card.id);
        break;
      case "ArrowRight":
        if (hasChildren && !open) void toggle(row.card, true);
        else if (hasChildren) move(rows[index + 1]?.card.id);
        break;
      case "ArrowLeft":
        if (hasChildren && open) void toggle(row.card, false);
        else move(row.parentId);
        break;
      case "Home":
        move(rows[0]?.card.id);
        break;
      case "End":
        move(rows.at(-1)?.card.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const renderLevel = (cards: ObjectiveCard[], parentId: string | null, depth: number) =>
    cards.map((card, index) => {
      const row: Row = { card, depth, parentId, position: index + 1, siblings: cards.length };
      const open = expanded.has(card.id);
      const hasChildren = card.childCount > 0;
      const kids = children[card.id] ?? [];
      return (
        <li key={card.id} role="none" className="flex flex-col">
          <div
            className={cn(
              "group flex items-center gap-1 rounded-md pr-2",
              card.id === focusId ? "bg-accent-soft/60 ring-1 ring-accent/40" : "hover:bg-surface-hover",
            )}
            style={{ paddingLeft: (depth - 1) * 20 }}
          >
            <span
              aria-hidden
              onClick={() => hasChildren && void toggle(card)}
              className={cn("flex size-7 shrink-0 items-center justify-center rounded text-subtle", hasChildren ? "cursor-pointer hover:text-fg" : "opacity-0")}
            >
              {loading.has(card.id) ? <LoaderCircle className="size-4 animate-spin" /> : <ChevronRight className={cn("size-4 transition-transform", open && "rotate-90")} />}
            </span>
            <Link
              href={`/${orgSlug}/okrs/${card.id}`}
              ref={(element) => {
                if (element) refs.current.set(card.id, element);
                else refs.current.delete(card.id);
              }}
              role="treeitem"
              aria-level={row.depth}
              aria-setsize={row.siblings}
              aria-posinset={row.position}
              aria-expanded={hasChildren ? open : undefined}
              aria-current={card.id === focusId ? "true" : undefined}
              tabIndex={card.id === active ? 0 : -1}
              onFocus={() => setActive(card.id)}
              onKeyDown={(event) => onKeyDown(event, row)}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey) return;
                event.preventDefault();
                router.push(`/${orgSlug}/okrs/${card.id}`);
              }}
              className="grid min-w-0 flex-1 gap-1 rounded-md py-2 outline-offset-0 md:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)] md:items-center md:gap-6"
            >
              <span className="flex min-w-0 flex-col gap-0.5">
                <span className="truncate text-sm font-medium text-fg">{card.title}</span>
                <span className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-subtle">
                  <LevelBadge level={card.level} label={card.level === "team" ? card.teamName : undefined} />
                  <span>{card.ownerName}</span>
                  {hasChildren ? <span>{t("aligned", { count: card.childCount })}</span> : null}
                  <StatusBadge status={card.status} />
                </span>
              </span>
              <ObjectiveProgress title={card.title} progress={card.progress} expected={expected} status={card.status} size="sm" />
            </Link>
          </div>
          {open && kids.length > 0 ? (
            <ul role="group" className="ml-[13px] border-l border-border">
              {renderLevel(kids, card.id, depth + 1)}
            </ul>
          ) : null}
        </li>
      );
    });

  return (
    <ul role="tree" aria-label={label} className="flex flex-col gap-0.5">
      {renderLevel(roots, null, 1)}
    </ul>
  );
}
