import { expect, test } from "@playwright/test";
import { demo, expectNoAxeViolations, signIn, unique } from "./helpers";

/**
 * An admin starts a cycle from a CSV file: the dry run names the bad cell by row and column, the
 * file is fixed and chosen again, and the import creates the objectives, which the list then shows.
 */
test("importing objectives from a CSV file: a problem shown by row and column, fixed, imported, listed", async ({ page }) => {
  test.setTimeout(120_000);
  const id = unique();
  const file = (owner: string) => ({
    name: `okrs-${id}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(
      [
        "\uFEFFMål;Nivå;Team;Eier;Samkjørt med;Nøkkelresultat;Startverdi;Målverdi;Enhet",
        `Grow the club ${id};Selskap;;maja@nordlys.example;;Reach members ${id};100;500;`,
        `Grow the club ${id};Selskap;;maja@nordlys.example;;Raise sponsorship ${id};0;1 000 000;NOK`,
        `Tell our story ${id};Team;Marketing;${owner};Grow the club ${id};Post stories ${id};0;"12,5";stories`,
        "",
      ].join("\r\n"),
    ),
  });

  await signIn(page, demo.admin);
  await page.goto(`/${demo.org}/okrs`);
  await page.getByRole("button", { name: "Import from CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Import objectives from CSV" });
  await expect(dialog).toBeVisible();

  // A person who is not a member: the dry run names row 4, the owner column, and why.
  await dialog.getByLabel("CSV file").setInputFiles(file("Nobody Atall"));
  await expect(dialog.getByRole("alert").filter({ hasText: "1 problem to fix" })).toBeVisible();
  const problems = dialog.getByRole("table", { name: "Problems by row and column" });
  await expect(problems.getByRole("row").nth(1)).toContainText("4");
  await expect(problems.getByRole("row").nth(1)).toContainText("Eier");
  await expect(problems.getByRole("row").nth(1)).toContainText("No member of this organisation has this name or email.");
  await expect(dialog.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("import-dialog-problems.png") });

  // Fixed in the file and chosen again: a preview, and the button says what it will create.
  await expect(dialog.getByText(`File: okrs-${id}.csv`)).toBeVisible();
  await dialog.getByLabel("CSV file").setInputFiles(file("Ola Nordmann"));
  await expect(dialog.getByRole("status").filter({ hasText: "Ready: 2 objectives and 3 key results." })).toBeVisible();
  await expect(dialog.getByRole("region", { name: "What will be created" })).toBeVisible();
  await expect(dialog.getByText(`Aligned to Grow the club ${id}`)).toBeVisible();
  await expectNoAxeViolations(page);

  // On a phone the dialog fits the screen, and the import button is there to tap.
  await page.setViewportSize({ width: 390, height: 844 });
  const box = await dialog.boundingBox();
  expect(box?.width ?? 999).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("import-dialog.mobile.png") });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: test.info().outputPath("import-dialog.png") });

  const submit = dialog.getByRole("button", { name: "Import 2 objectives and 3 key results" });
  await submit.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("2 objectives and 3 key results imported.").first()).toBeVisible();

  await page.goto(`/${demo.org}/okrs?q=${id}`);
  await expect(page.getByRole("link", { name: `Grow the club ${id}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Tell our story ${id}` })).toBeVisible();
});
