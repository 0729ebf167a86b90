import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldCode, fieldChecks, isFieldCode } from '../../shared/field-errors.js';
import { ApiError, messageOf } from './api.js';

/**
 * One way for every citizen form to show what is wrong next to the field it is about: the server's per-field 400
 * entries and the form's own checks before sending give the same codes, shown in the page's language.
 */

/** What a form checks before sending, per field: required, and one of the shared rules (ID number, phone…). */
export type FieldRule = { value: string; required?: boolean; rule?: keyof typeof fieldChecks };

/** The form's field name for a server path: the request part dropped ("body.applicant.personalId" → "applicant.personalId"). */
export const fieldNameOf = (path: string) => path.replace(/^(body|querystring|params|headers)\./, '');

/** Codes whose words carry a number (min, max): only the server's message has it. */
const withParams = new Set<FieldCode>(['TOO_SHORT', 'TOO_LONG']);

/** The form's own checks: the first problem of each field, as the server would name it. */
export function checkFields(rules: Record<string, FieldRule>): Record<string, FieldCode> {
  const found: Record<string, FieldCode> = {};
  for (const [name, r] of Object.entries(rules)) {
    const value = r.value.trim();
    if (!value) {
      if (r.required) found[name] = 'REQUIRED';
      continue;
    }
    const code = r.rule ? fieldChecks[r.rule](value) : null;
    if (code) found[name] = code;
  }
  return found;
}

/**
 * The errors of one form: `check` before sending, `fromError` after the server refused; `props(name)` marks an input
 * invalid and ties it to its message, `message(name)` shows the message under it. Server paths are mapped
 * to the form's names through `alias` (e.g. "applicant.personalId" → "personalId"); a field the form does not show
 * goes to the message at the top.
 */
export function useFormErrors(alias: Record<string, string> = {}) {
  const { t } = useTranslation();
  const id = useId();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const words = useCallback(
    (code: string, fallback?: string) =>
      isFieldCode(code) && !(withParams.has(code) && fallback) ? t(`forms.errors.${code}`) : (fallback ?? code),
    [t],
  );
  const messageId = (name: string) => `${id}-${name.replace(/\W/g, '_')}-error`;
  // After a refusal the first field marked wrong takes the focus: a phone scrolls to it, a screen reader reads it.
  const focusFirst = () =>
    setTimeout(() => document.querySelector<HTMLElement>(`[aria-describedby^="${CSS.escape(id)}-"]`)?.focus(), 0);

  /** Runs the form's checks; true when nothing is wrong. */
  function check(rules: Record<string, FieldRule>): boolean {
    const found = checkFields(rules);
    setFields(Object.fromEntries(Object.entries(found).map(([n, code]) => [n, words(code)])));
    setGeneral(Object.keys(found).length ? t('forms.fixMarked') : null);
    if (Object.keys(found).length) focusFirst();
    return Object.keys(found).length === 0;
  }

  /**
   * Places a refused request's field errors beside their fields; `known` are the fields this form shows, `more` adds
   * aliases only known once the form has loaded (a procedure's own fields).
   */
  function fromError(error: unknown, known: string[], more: Record<string, string> = {}) {
    if (!(error instanceof ApiError) || error.fieldErrors.length === 0) {
      setGeneral(messageOf(error));
      return;
    }
    const placed: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const f of error.fieldErrors) {
      const path = fieldNameOf(f.field);
      const name = more[path] ?? alias[path] ?? path;
      const text = words(f.code, f.message);
      if (known.includes(name)) placed[name] ??= text;
      else elsewhere.push(text);
    }
    setFields(placed);
    focusFirst();
    setGeneral(elsewhere.length ? [error.detail, ...elsewhere].join(' — ') : t('forms.fixMarked'));
  }

  const clear = (name: string) =>
    setFields((prev) => {
      if (!(name in prev)) return prev;
      const { [name]: _, ...rest } = prev;
      return rest;
    });

  /** What an input needs to be read as wrong (screen readers too) and tied to its message. */
  const props = (name: string) =>
    fields[name]
      ? { 'aria-invalid': true as const, 'aria-describedby': messageId(name) }
      : { 'aria-invalid': undefined, 'aria-describedby': undefined };

  /** The message under a field, or nothing. */
  function message(name: string) {
    const text = fields[name];
    if (!text) return null;
    return (
      <span className="field-error" id={messageId(name)} data-testid={`error-${name}`}>
        {text}
      </span>
    );
  }

  /** The message at the top of the form (a failure no field explains, or "correct the items marked"). */
  function summary() {
    if (!general) return null;
    return (
      <p className="error" role="alert">
        {general}
      </p>
    );
  }

  return {
    fields,
    general,
    check,
    fromError,
    clear,
    props,
    message,
    summary,
    setGeneral,
    reset: () => {
      setFields({});
      setGeneral(null);
    },
  };
}
