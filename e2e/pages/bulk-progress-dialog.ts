import { expect, type Locator, type Page, type Request } from '@playwright/test';

/** The list kit's bulk progress dialog ("Suspend 3 tenants"): the bar, each row's result, Cancel, Retry failed, Close. */
export class BulkProgressDialogPage {
  readonly dialog: Locator;

  constructor(page: Page, title: string | RegExp) {
    this.dialog = page.getByRole('dialog', { name: title });
  }

  get progress() {
    return this.dialog.getByRole('progressbar');
  }

  get results() {
    return this.dialog.getByRole('list', { name: 'Results' }).getByRole('listitem');
  }

  async assertOpen() {
    await expect(this.dialog).toBeVisible();
  }

  /** Waits for the run to end: "Finished: 2 done, 1 failed." */
  async assertFinished(summary: string | RegExp) {
    // First the dialog itself, so a failure says whether it is missing or still running.
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByRole('status')).toHaveText(typeof summary === 'string' ? `Finished: ${summary}.` : summary);
  }

  async assertProgress(text: string) {
    await expect(this.progress).toHaveAttribute('aria-valuetext', text);
  }

  /** Each row's result, in order: "Acme: Done", "Globex: Failed: Tenant not found". */
  async assertResults(lines: (string | RegExp)[]) {
    await expect(this.results).toHaveText(lines);
  }

  async retryFailed(count: number) {
    await this.dialog.getByRole('button', { name: `Retry failed (${count})` }).click();
  }

  /**
   * Retry failed, waits for the run to end with `summary`, and returns the paths of the `method`
   * requests the page sent meanwhile (what the retry ran again). The summary may be the one shown
   * before the retry ("2 done, 1 failed" again): the retry is first seen to start (the status
   * leaves "Finished", or its first request goes out), so that old text does not end the wait.
   */
  async retryFailedRecording(count: number, summary: string, method = 'PATCH'): Promise<string[]> {
    const page = this.dialog.page();
    const status = this.dialog.getByRole('status');
    const paths: string[] = [];
    const note = (request: Request) => {
      if (request.method() === method) paths.push(new URL(request.url()).pathname);
    };
    page.on('request', note);
    try {
      await this.retryFailed(count);
      await expect
        .poll(async () => paths.length > 0 || !/^Finished/.test((await status.textContent()) ?? ''), { message: 'the retry starts' })
        .toBe(true);
      await this.assertFinished(summary);
    } finally {
      page.off('request', note);
    }
    return paths;
  }

  /** Cancel while the run goes on: what has not started is not started at all. */
  async cancel() {
    await this.dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  }

  /** Cancelled, with requests still in flight: the button says so and the run waits for their answers. */
  async assertCancelling() {
    await expect(this.dialog.getByRole('button', { name: 'Cancelling…' })).toBeVisible();
    await expect(this.dialog.getByRole('status')).toHaveText('Cancelling: waiting for the requests already sent.');
  }

  /** Each row's result as shown ("Acme: Done"), in the dialog's order. */
  async resultLines(): Promise<string[]> {
    return this.results.allInnerTexts();
  }

  async assertNoRetry() {
    await expect(this.dialog.getByRole('button', { name: /Retry failed/ })).toHaveCount(0);
  }

  async close() {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
