/**
 * The little behaviour the journal's apparatus needs in the browser (journal.css draws it; the
 * markup is written at build time by src/lib/rehype-citations.mjs, remark-cross-references.mjs,
 * rehype-sidenotes.mjs and Appendix.astro). One set of delegated listeners for the whole page:
 *
 * - Cards (`.popref` = a link and its `.popcard`: a citation's reference, a cross-reference's
 *   preview) open on hover and keyboard focus (CSS alone does that too) and are kept on screen; on
 *   a touch screen the first tap on the link opens the card and a second one follows the link;
 *   Escape closes the card, a tap elsewhere too.
 * - Sidenotes: where a note is not shown in the margin (narrow screens), its number opens and
 *   closes it in the text (without JavaScript, CSS shows the note the link targets).
 * - Copy buttons (`[data-copy]`, e.g. the appendix's BibTeX) copy their target's text.
 */
const OPEN = 'is-open';
const DISMISSED = 'is-dismissed';
const MARGIN = 8;

const refOf = (target: EventTarget | null): HTMLElement | null => (target instanceof Element ? target.closest<HTMLElement>('.popref') : null);

/** Keeps an open card inside the window: shifted sideways, and above its line near the bottom edge. */
function place(ref: HTMLElement): void {
  const card = ref.querySelector<HTMLElement>(':scope > .popcard');
  if (!card) return;
  card.style.setProperty('--popcard-shift', '0px');
  card.classList.remove('is-above');
  const box = card.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  let shift = 0;
  if (box.right > width - MARGIN) shift = width - MARGIN - box.right;
  if (box.left + shift < MARGIN) shift = MARGIN - box.left;
  card.style.setProperty('--popcard-shift', `${Math.round(shift)}px`);
  const line = ref.getBoundingClientRect();
  if (box.bottom > innerHeight - MARGIN && line.top - box.height - MARGIN > 0) card.classList.add('is-above');
}

function open(ref: HTMLElement): void {
  for (const other of document.querySelectorAll<HTMLElement>(`.popref.${OPEN}`)) if (other !== ref) close(other);
  ref.classList.remove(DISMISSED);
  ref.classList.add(OPEN);
  place(ref);
}

function close(ref: HTMLElement): void {
  ref.classList.remove(OPEN);
}

/** Leaving a card (pointer or focus) ends it, and ends an Escape that hid it. */
function leave(ref: HTMLElement, to: EventTarget | null): void {
  if (to instanceof Node && ref.contains(to)) return;
  if (ref.matches(':focus-within') || ref.matches(':hover')) return;
  close(ref);
  ref.classList.remove(DISMISSED);
}

/** Whether the card of the link a touch landed on was already open when the touch began. */
let openAtTouch = false;
let lastPointer = '';

document.addEventListener(
  'pointerdown',
  (event) => {
    lastPointer = event.pointerType;
    const ref = refOf(event.target);
    openAtTouch = !!ref && ref.classList.contains(OPEN) && !ref.classList.contains(DISMISSED);
    for (const other of document.querySelectorAll<HTMLElement>(`.popref.${OPEN}`)) if (other !== ref) close(other);
  },
  true,
);
document.addEventListener('pointerover', (event) => {
  const ref = refOf(event.target);
  if (ref && event.pointerType !== 'touch' && !ref.classList.contains(OPEN) && !ref.classList.contains(DISMISSED)) open(ref);
});
document.addEventListener('pointerout', (event) => {
  const ref = refOf(event.target);
  if (ref && event.pointerType !== 'touch') setTimeout(() => leave(ref, event.relatedTarget));
});
document.addEventListener('focusin', (event) => {
  const ref = refOf(event.target);
  if (ref && !ref.classList.contains(OPEN)) open(ref);
});
document.addEventListener('focusout', (event) => {
  const ref = refOf(event.target);
  if (ref) setTimeout(() => leave(ref, event.relatedTarget));
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const ref of document.querySelectorAll<HTMLElement>('.popref')) {
    if (ref.classList.contains(OPEN) || ref.matches(':hover') || ref.matches(':focus-within')) {
      close(ref);
      ref.classList.add(DISMISSED);
    }
  }
});

/** A sidenote is in the margin when it floats there; otherwise it is folded into the text. */
const inMargin = (note: HTMLElement) => getComputedStyle(note).float !== 'none';

function toggleNote(note: HTMLElement): void {
  const opened = note.classList.toggle(OPEN);
  const refs = document.querySelectorAll<HTMLElement>(`a.sidenote-ref[href="#${note.id}"]`);
  for (const ref of refs) ref.setAttribute('aria-expanded', String(opened));
  if (!opened) refs[0]?.focus();
}

async function copy(button: HTMLElement): Promise<void> {
  const target = document.getElementById(button.dataset.copy ?? '');
  const status = button.parentElement?.querySelector<HTMLElement>('[role="status"]');
  if (!target) return;
  try {
    await navigator.clipboard.writeText(target.textContent ?? '');
    if (status) status.textContent = 'Copied.';
  } catch {
    getSelection()?.selectAllChildren(target);
    if (status) status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const copyButton = target?.closest<HTMLElement>('[data-copy]');
  if (copyButton) return void copy(copyButton);

  const link = target?.closest<HTMLAnchorElement>('.popref > a');
  // A tap opens the card first (a keyboard's Enter, event.detail 0, follows the link at once).
  if (link && lastPointer === 'touch' && event.detail > 0 && !openAtTouch) {
    event.preventDefault();
    open(link.parentElement as HTMLElement);
    return;
  }

  const noteLink = target?.closest<HTMLAnchorElement>('a.sidenote-ref, a.sidenote-back');
  if (noteLink) {
    const note = noteLink.classList.contains('sidenote-ref') ? document.getElementById(noteLink.hash.slice(1)) : noteLink.closest<HTMLElement>('.sidenote');
    if (!note || inMargin(note)) return;
    event.preventDefault();
    toggleNote(note);
  }
});
