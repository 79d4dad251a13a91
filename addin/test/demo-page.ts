/** What a person does on the demo page (the pane beside its simulated sheet), for the pane's e2e tests. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A cell of the simulated sheet. */
export const sheetCell = (page: Page, address: string) => page.locator(`table.sheet td[data-address="${address}"]`);

/** Types into a cell as in Excel: one click selects it, typing replaces what it holds. */
export async function typeInCell(page: Page, address: string, text: string): Promise<void> {
  await sheetCell(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Picks an option of a Fluent dropdown as a user does: opens it, clicks the option. */
export async function chooseOption(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id} fluent-option[value="${value}"]`).click();
  await expect.poll(() => page.locator(`#${id}`).evaluate((d) => (d as HTMLElement & { value: string }).value)).toBe(value);
}
