import { App, type FormInstance } from 'antd';
import { isApiError } from './api';
import { issuesToFields } from './issues';

type Notify = (text: string) => void;

/** Shows an API failure: field issues on the form's fields, everything else through `notify`. */
export function showFormError(form: FormInstance | null, err: unknown, notify: Notify): void {
  if (!isApiError(err)) {
    notify(err instanceof Error ? err.message : String(err));
    return;
  }
  const { fields, general } = issuesToFields(err.issues);
  const known = form ? fields.filter((f) => isRegistered(form, f.name)) : [];
  if (form && known.length) form.setFields(known);
  const unplaced = fields.filter((f) => !known.includes(f)).flatMap((f) => f.errors);
  notify([err.message, ...general, ...unplaced].join(' · '));
}

/** Registered fields are exactly those getFieldsError() reports on. */
function isRegistered(form: FormInstance, name: (string | number)[]): boolean {
  const key = name.join('.');
  return form.getFieldsError().some((e) => e.name.join('.') === key);
}

/** `showFormError` bound to the app's message API; without a form every issue goes to the toast. */
export function useShowError(form: FormInstance | null = null): (err: unknown) => void {
  const { message } = App.useApp();
  return (err) => showFormError(form, err, (text) => void message.error(text));
}
