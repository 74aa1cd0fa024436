"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiError, type FieldErrors } from "@/lib/api-client";

interface Options<T> {
  /** Sends the form's values; reads them with FormData so inputs stay uncontrolled. */
  submit: (values: Record<string, string>) => Promise<T>;
  onSuccess?: (result: T) => void;
}

/**
 * The behaviour every form shares: one request at a time, field errors shown against their field,
 * anything else as one message at the top, and focus moved to the first field in error.
 */
export function useApiForm<T>({ submit, onSuccess }: Options<T>) {
  const t = useTranslations("errors");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: submit,
    onSuccess: (result) => {
      setFieldErrors({});
      setFormError(null);
      onSuccess?.(result);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        setFieldErrors(error.fields);
        setFormError(Object.keys(error.fields).length ? null : error.message);
      } else {
        setFieldErrors({});
        setFormError(t("internal"));
      }
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values: Record<string, string> = {};
    new FormData(form).forEach((value, key) => {
      if (typeof value === "string") values[key] = value;
    });
    mutation.mutate(values, {
      onError: (error) => {
        if (!(error instanceof ApiError)) return;
        const shown = (name: string) => form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
        // An error about a field this form does not show would otherwise be invisible: say it on top.
        const unshown = Object.entries(error.fields).filter(([name]) => !shown(name));
        if (unshown.length > 0) setFormError(unshown.flatMap(([, messages]) => messages).join(" "));
        const first = Object.keys(error.fields).find((name) => shown(name));
        (first ? shown(first) : null)?.focus();
      },
    });
  }

  return { onSubmit, fieldErrors, formError, pending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}
