import type { ProblemView, SidebarState, SubmissionView } from '../shared/sidebarContract';

/** What a view may read and change. One context per loaded SidebarState. */
export interface ViewContext {
  readonly state: SidebarState;
  /** False once another unit or year has been loaded: late answers are then dropped. */
  live(): boolean;
  /** Problems from the last check (or the server's refusal to submit); null before any check. */
  problems(): ProblemView[] | null;
  setProblems(problems: ProblemView[]): void;
  /** Records a new submission state of a unit (the shown unit and/or a completeness row). */
  setSubmission(unit: string, submission: SubmissionView): void;
}

/** A card that can redraw itself after the shared state changed. */
export interface Card {
  el: HTMLElement;
  update(): void;
}
