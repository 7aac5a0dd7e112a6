import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App, Form, type FormInstance } from 'antd';
import { useI18n } from '../app/i18n';
import { useShowError } from './form-errors';

type Toast = ReturnType<typeof App.useApp>['message'];
type OnDone<R, V> = (result: R, app: { message: Toast; queryClient: QueryClient; variables: V }) => unknown;

function useSaving<V, R>(form: FormInstance<V> | null, run: (values: V) => Promise<R>, onDone: OnDone<R, V>) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useShowError(form);
  return useMutation({
    mutationFn: run,
    onSuccess: (result: R, variables: V) => onDone(result, { message, queryClient, variables }),
    onError: showError,
  });
}

/**
 * A form and the mutation that saves it. A failed save puts the server's field issues on the form's fields; after a
 * good one, `onSaved` gets the answer and what it usually needs: the toast and the query cache.
 */
export function useFormSave<V, R>(save: (values: V) => Promise<R>, onSaved: OnDone<R, V>) {
  const [form] = Form.useForm<V>();
  return { form, save: useSaving(form, save, onSaved) };
}

/** A mutation outside a form: a failure goes to the toast; after success `onDone` as in useFormSave. */
export function useAction<V, R>(run: (values: V) => Promise<R>, onDone: OnDone<R, V>) {
  return useSaving(null, run, onDone);
}

/** Asks before a destructive action: the question's title names the action, its OK button is red. */
export function useConfirm() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  return (action: string, question: string, onOk: () => Promise<unknown>) =>
    modal.confirm({
      title: action,
      content: question,
      okText: action,
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => onOk().catch(() => undefined),
    });
}

/** The rule of a field that must be filled in. */
export function useRequiredRule() {
  const { t } = useI18n();
  return { required: true, message: t('login.required') };
}
