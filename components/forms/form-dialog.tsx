"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "./form-alert";

interface FormState {
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  formError: string | null;
  pending: boolean;
  reset: () => void;
}

interface FormDialogProps {
  trigger: ReactNode;
  title: string;
  description?: ReactNode;
  className?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** From useApiForm: submit, the form-level error, pending state, reset. */
  form: FormState;
  submitLabel: string;
  submitDisabled?: boolean;
  /** Replaces the form-level error line, e.g. with a conflict panel. */
  alert?: ReactNode;
  children: ReactNode;
}

/**
 * A form in a modal: trigger, title, fields, Cancel and the submit button; closing it forgets a
 * failed attempt so it opens clean next time.
 */
export function FormDialog({ trigger, title, description, className, open, onOpenChange, form, submitLabel, submitDisabled, alert, children }: FormDialogProps) {
  const t = useTranslations("common");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) form.reset();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description} closeLabel={t("close")} className={className}>
        <form onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
          {alert ?? <FormAlert message={form.formError} />}
          {children}
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={form.pending} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
