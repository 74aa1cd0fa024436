"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { CheckCircle2, CircleAlert, X } from "lucide-react";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

type Tone = "success" | "error" | "info";

interface ToastMessage {
  id: number;
  title: string;
  description?: string;
  tone: Tone;
}

type Notify = (message: Omit<ToastMessage, "id" | "tone"> & { tone?: Tone }) => void;

const ToastContext = createContext<Notify | null>(null);

/** Announces results politely (errors assertively) and lets keyboard users reach the region with F8. */
export function ToastProvider({ children, closeLabel, regionLabel }: { children: ReactNode; closeLabel: string; regionLabel: string }) {
  const [messages, setMessages] = useState<ToastMessage[]>([]);
  const notify = useCallback<Notify>(({ tone = "success", ...message }) => {
    setMessages((current) => [...current.slice(-2), { ...message, tone, id: Date.now() + Math.random() }]);
  }, []);
  const value = useMemo(() => notify, [notify]);

  return (
    <ToastContext.Provider value={value}>
      <ToastPrimitive.Provider swipeDirection="right" duration={5000} label={regionLabel}>
        {children}
        {messages.map((message) => (
          <ToastPrimitive.Root
            key={message.id}
            type={message.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => {
              if (!open) setMessages((current) => current.filter((m) => m.id !== message.id));
            }}
            className="flex items-start gap-3 rounded-lg border border-border bg-surface p-3 pr-2 shadow-lg"
          >
            {message.tone === "error" ? (
              <CircleAlert className="mt-0.5 size-4 shrink-0 text-danger" aria-hidden />
            ) : (
              <CheckCircle2 className={cn("mt-0.5 size-4 shrink-0", message.tone === "success" ? "text-success" : "text-accent-text")} aria-hidden />
            )}
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <ToastPrimitive.Title className="text-sm font-medium text-fg">{message.title}</ToastPrimitive.Title>
              {message.description ? (
                <ToastPrimitive.Description className="text-xs text-muted">{message.description}</ToastPrimitive.Description>
              ) : null}
            </div>
            <ToastPrimitive.Close aria-label={closeLabel} className="rounded p-1 text-subtle hover:bg-surface-hover hover:text-fg">
              <X className="size-3.5" aria-hidden />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): Notify {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error("useToast needs a ToastProvider above it.");
  return notify;
}
