"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Theme } from "@/lib/theme";
import { LanguageSwitch } from "./language-switch";
import { ThemeSwitch } from "./theme-switch";
import { WorkspaceNav, type WorkspaceNavProps } from "./workspace-nav";

/**
 * Below the large breakpoint the sidebar opens as a drawer from the menu button, with the
 * language and theme at its foot as in the sidebar (a phone's header has no room for them).
 */
export function MobileNav({ theme, ...props }: WorkspaceNavProps & { theme: Theme }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger className="flex size-9 items-center justify-center rounded-md text-muted hover:bg-surface-hover lg:hidden" aria-label={t("openMenu")}>
        <Menu className="size-5" aria-hidden />
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/40 lg:hidden" />
        <DialogPrimitive.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 overflow-y-auto border-r border-border bg-surface p-3 shadow-xl lg:hidden">
          <div className="flex items-center justify-between">
            <DialogPrimitive.Title className="px-2 text-sm font-semibold text-fg">{t("menu")}</DialogPrimitive.Title>
            <DialogPrimitive.Close className="rounded p-1.5 text-subtle hover:bg-surface-hover" aria-label={t("closeMenu")}>
              <X className="size-4" aria-hidden />
            </DialogPrimitive.Close>
          </div>
          <DialogPrimitive.Description className="sr-only">{t("menuDescription")}</DialogPrimitive.Description>
          <WorkspaceNav {...props} onNavigate={() => setOpen(false)} />
          <div className="mt-auto flex items-center gap-1 border-t border-border px-1 pt-3">
            <LanguageSwitch />
            <ThemeSwitch initial={theme} />
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
