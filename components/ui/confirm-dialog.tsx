"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "./dialog";

interface ConfirmDialogProps {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  pending?: boolean;
  onConfirm: () => Promise<unknown> | void;
  children?: ReactNode;
}

/** Asks before anything that cannot be undone; the safe choice has focus first. */
export function ConfirmDialog({ trigger, title, description, confirmLabel, destructive, pending, onConfirm, children }: ConfirmDialogProps) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description} closeLabel={t("close")}>
        {children}
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
            {t("cancel")}
          </Button>
          <Button
            variant={destructive ? "danger" : "primary"}
            loading={pending}
            onClick={async () => {
              try {
                await onConfirm();
                setOpen(false);
              } catch {
                // The action reports its own error; the dialog stays open to try again.
              }
            }}
          >
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
