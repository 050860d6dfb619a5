/**
 * The widgets' look, themable by the host page through CSS custom properties (set them on the
 * element or any ancestor) and `::part(...)`. Defaults meet WCAG 2.1 AA on their own surface:
 * text 13.9:1, muted text 6.9:1, accent 7.2:1 and borders 3.2:1 against the white background.
 * Lit adopts these as constructable stylesheets: no <style> element, nothing a strict CSP
 * without 'unsafe-inline' would block.
 *
 * Everything reflows at 320 CSS px with text at 200 % (WCAG 1.4.4, 1.4.10). Titles, comments,
 * queries and URLs come from editors and visitors and may hold a word longer than such a line:
 * `overflow-wrap: anywhere` breaks it, and (unlike break-word) lets grids, flex items and
 * fieldsets shrink below it; a fieldset would otherwise be as wide as its content. A busy button
 * (sending) says so with aria-disabled, not disabled: a disabled button drops the focus to
 * <body>, and keyboard and screen-reader users lose their place.
 *
 * The text is in the page's font: the host element inherits font-family from where it stands,
 * as any text of the page does, unless `--qn-font-family` names another font. A custom property
 * can't say "the page's font" itself: `inherit` on it takes the parent's value of the property
 * (unset on most pages), so a default font stack behind the var() would win over the page's font.
 *
 * (Comments inside the css`` strings travel in the bundle: the why is said here, in short there.)
 */
import { css } from 'lit'

export const baseStyles = css`
  :host {
    --_text: var(--qn-color-text, #1f2933);
    --_muted: var(--qn-color-muted, #4b5563);
    --_background: var(--qn-color-background, #ffffff);
    --_surface: var(--qn-color-surface, #f3f5f7);
    --_border: var(--qn-color-border, #8a96a3);
    --_accent: var(--qn-color-accent, #005a9c);
    --_accent-text: var(--qn-color-accent-text, #ffffff);
    --_error: var(--qn-color-error, #b42318);
    --_success: var(--qn-color-success, #1e6b34);
    --_focus: var(--qn-color-focus, #005a9c);
    --_radius: var(--qn-radius, 6px);
    --_space: var(--qn-space, 1rem);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_background);
    /* The page's font unless --qn-font-family names another (see above). */
    font-family: var(--qn-font-family, inherit);
    font-size: var(--qn-font-size, 1rem);
    line-height: 1.5;
    text-align: start;
    /* Long words and URLs wrap (see above). */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 1.25em 0 0.5em;
    line-height: 1.25;
  }
  /* Sizes follow the heading's place in the element, not its tag (the tag fits the host page). */
  .level-0 {
    font-size: var(--qn-heading-size, 1.375em);
  }
  .level-1 {
    font-size: 1.1875em;
  }
  .level-2 {
    font-size: 1.0625em;
  }
  p,
  ul,
  ol,
  dl,
  blockquote,
  fieldset {
    margin: 0 0 0.75em;
  }
  /* Not as wide as its content (see above). */
  fieldset {
    min-inline-size: 0;
  }
  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  /* aria-disabled while busy keeps the focus (see above). */
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  input[type='text'],
  input[type='email'],
  input[type='search'],
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  /* As specific as the fields' own border rule, which would otherwise win for inputs and selects. */
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .field {
    margin-bottom: var(--_space);
  }
  .field.checkbox {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.5rem;
    align-items: start;
  }
  .field.checkbox label {
    font-weight: 400;
    margin: 0;
  }
  .field.checkbox input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--_accent);
  }
  .field.checkbox .field-error {
    grid-column: 2;
  }
  .error-summary {
    margin-bottom: var(--_space);
  }
  .error-summary ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .field-error {
    color: var(--_error);
    font-weight: 600;
    margin: 0.25rem 0 0;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--_accent);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .notice.error {
    border-left-color: var(--_error);
  }
  .notice.success {
    border-left-color: var(--_success);
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .honeypot {
    display: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    .fade-in {
      animation: qn-fade-in 150ms ease-out;
    }
  }
  @keyframes qn-fade-in {
    from {
      opacity: 0;
    }
    to {
      opacity: 1;
    }
  }
`
