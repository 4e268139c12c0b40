// The emulator's virtual clock moved by the call model: each counted spreadsheet call makes the
// clock advance by what it is estimated to cost in real Google Sheets (estimate.ts: read/write
// calls, handle calls, builders free; the other services cost nothing here). The bundle's time
// budget (src/sheets/runClock.ts) reads that clock through Date.now(), so a long setup or
// protection run stops where it would stop in Sheets, deterministically. Used by the bench and by
// the tests of resumable runs.
import type { Emulator } from '../emulator';
import { SERVICES_OUTSIDE_SPREADSHEET } from './calls';
import { ASSUMPTIONS, callKind } from './estimate';

export interface CallCosts {
  readWriteMs: number;
  handleMs: number;
}

/** The high end of the call model (what the targets are measured at). */
export const HIGH_END: CallCosts = {
  readWriteMs: ASSUMPTIONS.perCallMs[1],
  handleMs: ASSUMPTIONS.perHandleCallMs[1],
};

/** Charges every counted call to the virtual clock until the returned function is called. */
export function chargeCalls(emu: Emulator, costs: CallCosts = HIGH_END): () => void {
  const counter = emu.calls;
  const original = counter.hit;
  counter.hit = function hit(method: string): void {
    original.call(counter, method);
    if (SERVICES_OUTSIDE_SPREADSHEET.test(method)) return;
    const kind = callKind(method);
    const ms = kind === 'readWrite' ? costs.readWriteMs : kind === 'handle' ? costs.handleMs : 0;
    if (ms > 0) emu.setNow(new Date(emu.now().getTime() + ms));
  };
  return () => {
    counter.hit = original;
  };
}
