"use client";

import { Archive, ArchiveRestore, CalendarRange, MoreHorizontal, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { api } from "@/lib/api-client";
import { cycleIsOpen } from "@/lib/okr/cycles";

interface Props {
  orgSlug: string;
  objective: { id: string; title: string; version: number; archived: boolean; childCount: number; keyResultCount: number; cycleId: string };
  cycles: Array<{ id: string; name: string; status: "planning" | "active" | "closed" }>;
}

/** The objective's less frequent actions; each that cannot be undone asks first. */
export function ObjectiveMenu({ orgSlug, objective, cycles }: Props) {
  const t = useTranslations("objectiveMenu");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [dialog, setDialog] = useState<"move" | "delete" | null>(null);
  const openCycles = cycles.filter((cycle) => cycleIsOpen(cycle) && cycle.id !== objective.cycleId);
  const [cycleId, setCycleId] = useState(openCycles[0]?.id ?? "");
  const base = `/api/orgs/${orgSlug}/objectives/${objective.id}`;
  const archive = useAction({ run: () => api(`${base}/${objective.archived ? "restore" : "archive"}`, { method: "POST" }), success: objective.archived ? t("restored") : t("archived") });
  const move = useAction({ run: () => api(`${base}/move`, { body: { version: objective.version, cycleId } }), success: t("moved"), onSuccess: () => setDialog(null) });
  const remove = useAction({
    run: () => api(base, { method: "DELETE" }),
    success: t("deleted"),
    onSuccess: () => router.push(`/${orgSlug}/okrs/tree`),
  });

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="icon" aria-label={t("more")}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem disabled={openCycles.length === 0} onSelect={() => setDialog("move")}>
            <CalendarRange aria-hidden />
            {t("move")}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => archive.mutate()}>
            {objective.archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
            {objective.archived ? t("restore") : t("archive")}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setDialog("delete")} className="text-danger">
            <Trash2 aria-hidden />
            {t("delete")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      <Dialog open={dialog === "move"} onOpenChange={(open) => setDialog(open ? "move" : null)}>
        <DialogContent title={t("moveTitle")} description={t("moveDescription")} closeLabel={tCommon("close")}>
          <Field id="move-cycle" label={t("toCycle")}>
            <Select id="move-cycle" value={cycleId} onChange={(event) => setCycleId(event.target.value)}>
              {openCycles.map((cycle) => (
                <option key={cycle.id} value={cycle.id}>
                  {cycle.name}
                </option>
              ))}
            </Select>
          </Field>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {tCommon("cancel")}
            </Button>
            <Button loading={move.isPending} disabled={!cycleId} onClick={() => move.mutate()}>
              {t("move")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>

      <Dialog open={dialog === "delete"} onOpenChange={(open) => setDialog(open ? "delete" : null)}>
        <DialogContent
          title={t("deleteTitle", { title: objective.title })}
          description={t("deleteDescription", { keyResults: objective.keyResultCount, children: objective.childCount })}
          closeLabel={tCommon("close")}
        >
          <p className="text-sm text-muted">{t("archiveInstead")}</p>
          <DialogFooter>
            <Button variant="secondary" onClick={() => setDialog(null)} autoFocus>
              {tCommon("cancel")}
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t("deleteForever")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
