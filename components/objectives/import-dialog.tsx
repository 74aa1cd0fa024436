"use client";

import { FileUp, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, type DragEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { hintId } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { api, ApiError } from "@/lib/api-client";
import { cn } from "@/lib/cn";
import { targetPhrase } from "@/lib/format";
import type { ImportPreviewKeyResult, ImportPreviewObjective, ImportReport, ImportResult } from "@/lib/import/types";
import type { ImportBody } from "@/lib/validation/import";

interface Props {
  orgSlug: string;
  cycleId: string;
  cycleName: string;
}

/**
 * "Import from CSV": choose (or drop) a file in the export's columns, see what it would create and
 * every problem by row and column (a dry run), then import all of it in one step. Choosing the file
 * again after fixing it runs the dry run again.
 */
export function ImportDialog({ orgSlug, cycleId, cycleName }: Props) {
  const t = useTranslations("import");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const notify = useToast();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"checking" | "importing" | null>(null);
  const [dragging, setDragging] = useState(false);
  const path = `/api/orgs/${orgSlug}/cycles/${cycleId}/import`;

  function reset() {
    setCsv(null);
    setFileName(null);
    setReport(null);
    setError(null);
    setBusy(null);
    if (input.current) input.current.value = "";
  }

  async function check(file: File | undefined) {
    if (!file) return;
    setReport(null);
    setError(null);
    setBusy("checking");
    try {
      const text = await file.text();
      setCsv(text);
      setFileName(file.name);
      const body: ImportBody = { csv: text };
      setReport(await api<ImportReport>(`${path}?dryRun=true`, { body }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("readFailed"));
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    if (!csv || !report?.ok) return;
    setBusy("importing");
    setError(null);
    try {
      const body: ImportBody = { csv };
      const result = await api<ImportResult>(path, { body });
      notify({ title: t("done", { objectives: result.objectives, keyResults: result.keyResults }) });
      setOpen(false);
      reset();
      router.refresh();
    } catch (caught) {
      // Judged again on import: what changed since the dry run is listed as the dry run lists it.
      const again = caught instanceof ApiError ? (caught.details.report as ImportReport | undefined) : undefined;
      if (again) setReport(again);
      setError(caught instanceof ApiError ? caught.message : t("readFailed"));
      setBusy(null);
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void check(event.dataTransfer.files[0]);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Upload aria-hidden />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={t("description", { cycle: cycleName })} closeLabel={tCommon("close")} className="max-w-3xl">
        <div className="flex flex-col gap-4">
          <div
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            className={cn(
              "flex flex-col gap-2 rounded-md border border-dashed border-border-strong p-4",
              dragging ? "bg-surface-hover" : "bg-surface-muted",
            )}
          >
            <Label htmlFor={inputId} className="flex items-center gap-2">
              <FileUp className="size-4" aria-hidden />
              {t("file")}
            </Label>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={hintId(inputId)}
              onChange={(event) => {
                void check(event.target.files?.[0]);
                // Emptied, so that choosing the same file again once it is fixed checks it again
                // (browsers fire no change for the file already chosen); its name is shown below.
                event.target.value = "";
              }}
              className="block w-full text-sm text-fg file:mr-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-fg hover:file:bg-surface-hover"
            />
            <p id={hintId(inputId)} className="text-xs text-subtle">
              {t("fileHint")}
            </p>
            {fileName ? <p className="text-sm font-medium text-fg [overflow-wrap:anywhere]">{t("chosen", { name: fileName })}</p> : null}
          </div>

          {busy === "checking" ? (
            <p role="status" className="text-sm text-muted">
              {t("checking")}
            </p>
          ) : null}
          <FormAlert message={error} />
          {report ? <ReportView report={report} /> : null}
        </div>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {tCommon("cancel")}
          </Button>
          {report?.ok ? (
            <Button onClick={() => void submit()} loading={busy === "importing"} disabled={busy !== null}>
              {t("submit", { objectives: report.objectives, keyResults: report.keyResults })}
            </Button>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("import");
  return (
    <div className="flex flex-col gap-4">
      {report.ok ? (
        <p role="status" className="text-sm font-medium text-success">
          {t("ready", { objectives: report.objectives, keyResults: report.keyResults })}
        </p>
      ) : (
        <section aria-labelledby="import-problems" className="flex flex-col gap-2 rounded-md border border-danger/30 bg-danger-soft p-3">
          <h3 id="import-problems" role="alert" className="text-sm font-semibold text-danger">
            {t("problems", { count: report.errorCount })}
          </h3>
          <p className="text-sm text-fg">{t("problemsHint")}</p>
          {report.errorCount > report.errors.length ? <p className="text-xs text-muted">{t("problemsMore", { shown: report.errors.length, count: report.errorCount })}</p> : null}
          <Table caption={t("problemsTable")} className="bg-surface">
            <THead>
              <Tr>
                <Th>{t("row")}</Th>
                <Th>{t("column")}</Th>
                <Th>{t("problem")}</Th>
              </Tr>
            </THead>
            <TBody>
              {report.errors.map((issue, index) => (
                <Tr key={index}>
                  <Td className="tabular-nums">{issue.row ?? t("fileProblem")}</Td>
                  <Td className="font-medium">{issue.column ?? "—"}</Td>
                  <Td className="min-w-48">{issue.message}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </section>
      )}
      {report.warnings.length > 0 ? (
        <section aria-labelledby="import-warnings" className="flex flex-col gap-1">
          <h3 id="import-warnings" className="text-sm font-semibold text-fg">
            {t("warningsTitle")}
          </h3>
          <ul className="list-disc pl-5 text-sm text-muted">
            {report.warnings.map((warning, index) => (
              <li key={index}>
                {warning.row ? `${t("row")} ${warning.row}: ` : null}
                {warning.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.ignoredColumns.length > 0 ? <p className="text-xs text-muted">{t("ignored", { columns: report.ignoredColumns.join(", ") })}</p> : null}
      {report.ok && report.preview.length > 0 ? <Preview report={report} /> : null}
    </div>
  );
}

function Preview({ report }: { report: ImportReport }) {
  const t = useTranslations("import");
  return (
    <section aria-labelledby="import-preview" className="flex flex-col gap-2">
      <h3 id="import-preview" className="text-sm font-semibold text-fg">
        {t("preview")}
      </h3>
      {report.objectives > report.preview.length ? <p className="text-xs text-muted">{t("previewMore", { shown: report.preview.length, count: report.objectives })}</p> : null}
      <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
        {report.preview.map((objective) => (
          <PreviewObjective key={objective.row} objective={objective} />
        ))}
      </ul>
    </section>
  );
}

function PreviewObjective({ objective }: { objective: ImportPreviewObjective }) {
  const t = useTranslations("import");
  const tLevel = useTranslations("okr.level");
  const level = tLevel(objective.level);
  return (
    <li className="flex flex-col gap-1 p-3">
      <p className="font-medium text-fg [overflow-wrap:anywhere]">{objective.title}</p>
      <p className="text-xs text-muted">
        {objective.team ? t("levelTeamOwnerTeam", { level, team: objective.team, owner: objective.owner }) : t("levelTeamOwner", { level, owner: objective.owner })}
        {objective.alignedTo ? ` · ${t("alignedTo", { title: objective.alignedTo })}` : null}
      </p>
      <p className="text-xs text-subtle">{t("keyResultsOf", { count: objective.keyResults.length })}</p>
      {objective.keyResults.length > 0 ? (
        <ul className="flex flex-col gap-1 pl-3 text-sm">
          {objective.keyResults.map((keyResult) => (
            <PreviewKeyResult key={keyResult.row} keyResult={keyResult} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function PreviewKeyResult({ keyResult }: { keyResult: ImportPreviewKeyResult }) {
  const t = useTranslations("import");
  const locale = useLocale();
  const format = useFormatter();
  const phrase = targetPhrase(keyResult, locale);
  const aim =
    phrase.kind === "range"
      ? t("aim.range", { from: phrase.from, to: phrase.to })
      : phrase.kind === "atLeast"
        ? t("aim.atLeast", { value: phrase.value })
        : phrase.kind === "atMost"
          ? t("aim.atMost", { value: phrase.value })
          : t("aim.milestone");
  const due = format.dateTime(new Date(`${keyResult.dueDate}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <li className="flex flex-col">
      <span className="text-fg [overflow-wrap:anywhere]">{keyResult.title}</span>
      <span className="text-xs text-muted">{t("keyResultLine", { aim, owner: keyResult.owner, due })}</span>
    </li>
  );
}
