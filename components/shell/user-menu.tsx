"use client";

import { LogOut, MonitorSmartphone, UserRound } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { dropAllDrafts } from "@/components/check-ins/check-in-draft";
import { api } from "@/lib/api-client";

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

async function signOut(path: string, method: string) {
  const { redirectTo } = await api<{ redirectTo: string }>(path, { method });
  // Nothing typed and unsent stays behind on a shared device.
  dropAllDrafts();
  window.location.assign(redirectTo);
}

export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("shell");
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex size-8 items-center justify-center rounded-full bg-surface-muted text-xs font-semibold text-fg hover:ring-2 hover:ring-border-strong">
        {/* The initials are a picture of the person; the name is what the button is called. */}
        <span aria-hidden>{initials(name)}</span>
        <span className="sr-only">{t("accountMenu", { name })}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <DropdownMenuLabel className="flex flex-col gap-0.5 text-fg">
          <span className="text-sm font-medium">{name}</span>
          <span className="truncate text-xs font-normal text-subtle">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <UserRound aria-hidden />
            {t("account")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut("/api/session", "DELETE")}>
          <LogOut aria-hidden />
          {t("signOut")}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void signOut("/api/session/everywhere", "POST")}>
          <MonitorSmartphone aria-hidden />
          {t("signOutEverywhere")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
