"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

/**
 * Someone saved while this person was editing: say who, show each field that now differs, and let
 * them take the newer version or keep their own (saved on top of it, knowingly).
 */
export function ConflictPanel({ who, fields, onReload, onKeepMine, pending }: { who: string | null; fields: ConflictField[]; onReload: () => void; onKeepMine: () => void; pending?: boolean }) {
  const t = useTranslations("conflict");
  return (
    <div role="alert" className="flex flex-col gap-3 rounded-md border border-warning-bar/50 bg-warning-soft p-4 text-sm">
      <p className="font-medium text-fg">{who ? t("titleWho", { name: who }) : t("title")}</p>
      {fields.length > 0 ? (
        <dl className="flex flex-col gap-2">
          {fields.map((field) => (
            <div key={field.label} className="grid gap-1 sm:grid-cols-[8rem_1fr]">
              <dt className="text-xs font-medium text-muted">{field.label}</dt>
              <dd className="flex flex-col gap-0.5 text-xs">
                <span>
                  <span className="text-subtle">{t("theirs")}: </span>
                  <span className="text-fg">{field.theirs || "—"}</span>
                </span>
                <span>
                  <span className="text-subtle">{t("mine")}: </span>
                  <span className="text-fg">{field.mine || "—"}</span>
                </span>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-muted">{t("noFieldDifference")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={onReload}>
          {t("reload")}
        </Button>
        <Button size="sm" onClick={onKeepMine} loading={pending}>
          {t("keepMine")}
        </Button>
      </div>
    </div>
  );
}
