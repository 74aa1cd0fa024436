"use client";

import { useMutation } from "@tanstack/react-query";
import { Monitor, Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { api } from "@/lib/api-client";
import { themes, type Theme } from "@/lib/theme";

const icons = { light: Sun, dark: Moon, system: Monitor } as const;

/** Applied at once; the cookie makes the server render it next time without a flash. */
function applyTheme(theme: Theme) {
  const root = document.documentElement;
  if (theme === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme);
}

export function ThemeSwitch({ initial }: { initial: Theme }) {
  const t = useTranslations("theme");
  const [theme, setTheme] = useState<Theme>(initial);
  const save = useMutation({ mutationFn: (next: Theme) => api("/api/preferences", { body: { theme: next } }) });

  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
    save.mutate(next);
  }

  const Icon = icons[theme];
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={t("label", { theme: t(theme) })}>
          <Icon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="min-w-36">
        {themes.map((option) => {
          const OptionIcon = icons[option];
          return (
            <DropdownMenuItem key={option} onSelect={() => choose(option)} aria-current={option === theme ? "true" : undefined}>
              <OptionIcon aria-hidden />
              {t(option)}
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
