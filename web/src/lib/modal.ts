// Every modal dialog behaves the same (WAI-ARIA dialog pattern): the focus moves into it when it
// opens and back to where it was when it closes, Tab and Shift+Tab cycle inside it and never
// reach the page behind, and Escape gives the dialog's way out. `use:modal` on the dialog box.

const CANDIDATES = 'input, select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

/** Where Tab (forward) or Shift+Tab (back) goes from `current` among `count` stops, round the end. */
export function cycle(count: number, current: number, back: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return back ? count - 1 : 0;
  return (current + (back ? count - 1 : 1)) % count;
}

/**
 * The elements Tab stops at, in order: enabled, shown, and of a radio group only the checked
 * radio (or the first, when none is), as the browser does.
 */
export function tabStops(box: HTMLElement): HTMLElement[] {
  const all = [...box.querySelectorAll<HTMLElement>(CANDIDATES)].filter(
    (el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0,
  );
  const groups = new Map<string, HTMLInputElement>();
  for (const el of all)
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      const chosen = groups.get(el.name);
      if (!chosen || (!chosen.checked && el.checked)) groups.set(el.name, el);
    }
  return all.filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && el.name) || groups.get(el.name) === el);
}

export interface ModalOptions {
  /** Escape: the choice that leaves things as they are (cancel, close, keep the saved record). */
  onescape: () => void;
  /** The element to focus first (default: the first field, else the first tab stop). */
  initial?: (stops: HTMLElement[]) => HTMLElement | null | undefined;
}

/** The open dialogs, the last on top: only the top one holds the focus. */
const open: HTMLElement[] = [];

export function modal(box: HTMLElement, options: ModalOptions) {
  let current = options;
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const stops = () => tabStops(box);
  const enter = (back = false) => {
    const list = stops();
    const target = back ? list[list.length - 1] : (current.initial?.(list) ?? list.find((el) => el.matches('input, select, textarea')) ?? list[0]);
    (target ?? box).focus();
  };

  function keydown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      current.onescape();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      const list = stops();
      const next = cycle(list.length, list.indexOf(document.activeElement as HTMLElement), event.shiftKey);
      (list[next] ?? box).focus();
    }
  }
  // The focus arriving outside the dialog (a script, the address bar and back) is brought back in.
  function focusin(event: FocusEvent) {
    if (open[open.length - 1] === box && event.target instanceof Node && !box.contains(event.target)) enter();
  }

  open.push(box);
  box.addEventListener('keydown', keydown);
  document.addEventListener('focusin', focusin);
  enter();
  return {
    update(next: ModalOptions) {
      current = next;
    },
    destroy() {
      box.removeEventListener('keydown', keydown);
      document.removeEventListener('focusin', focusin);
      open.splice(open.indexOf(box), 1);
      if (opener?.isConnected) opener.focus();
    },
  };
}
